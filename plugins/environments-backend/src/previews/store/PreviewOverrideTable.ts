import type { Knex } from 'knex';
import { DNS1123_LABEL } from '@stageline/plugin-environments-common';
import { z } from 'zod/v3';
import type { PreviewOverride, PreviewOverrideStore } from '../types';
import { isoTimestampSchema } from '../../database/isoTimestampSchema';
import { parseInput } from '../../database/parseInput';

/** A row of the `preview_overrides` table. */
export type PreviewOverrideRow = {
  cluster: string;
  namespace: string;
  /** SQLite returns 0 or 1. */
  keep: boolean | number;
  expires_at: string | null;
  updated_by: string;
  updated_at: string;
};

const clusterSchema = z.string().min(1).max(255);
// A Kubernetes namespace name (RFC 1123 label).
const namespaceSchema = z
  .string()
  .max(63)
  .regex(DNS1123_LABEL, 'is not a namespace name');

const overrideSchema = z
  .object({
    cluster: clusterSchema,
    namespace: namespaceSchema,
    keep: z.boolean(),
    expiresAt: isoTimestampSchema.optional(),
    updatedBy: z.string().min(1).max(255),
  })
  .strict();

/** The `preview_overrides` table: one row per (cluster, namespace). */
export class PreviewOverrideTable implements PreviewOverrideStore {
  constructor(private readonly knex: Knex, private readonly now: () => Date) {}

  async listPreviewOverrides(cluster: string): Promise<PreviewOverride[]> {
    const rows = await this.knex<PreviewOverrideRow>('preview_overrides')
      .where({ cluster })
      .orderBy('namespace', 'asc');
    return rows.map(mapOverrideRow);
  }

  async setPreviewOverride(
    override: Omit<PreviewOverride, 'updatedAt'>,
  ): Promise<PreviewOverride> {
    const valid = parseInput(overrideSchema, override, 'preview override');
    const row: PreviewOverrideRow = {
      cluster: valid.cluster,
      namespace: valid.namespace,
      keep: valid.keep,
      expires_at: valid.expiresAt ?? null,
      updated_by: valid.updatedBy,
      updated_at: this.now().toISOString(),
    };
    await this.knex<PreviewOverrideRow>('preview_overrides')
      .insert(row)
      .onConflict(['cluster', 'namespace'])
      .merge();
    return mapOverrideRow(row);
  }

  async deletePreviewOverride(
    cluster: string,
    namespace: string,
  ): Promise<void> {
    await this.knex<PreviewOverrideRow>('preview_overrides')
      .where({ cluster, namespace })
      .delete();
  }
}

function mapOverrideRow(row: PreviewOverrideRow): PreviewOverride {
  return {
    cluster: row.cluster,
    namespace: row.namespace,
    keep: Boolean(row.keep),
    ...(row.expires_at !== null && { expiresAt: row.expires_at }),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}
