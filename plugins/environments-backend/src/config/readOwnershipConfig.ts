import type { Config } from '@backstage/config';
import { z } from 'zod/v3';
import { parseConfigValue } from './parseConfigValue';

/** One overlays folder that config says belongs to one catalog entity. */
export type OwnershipEntry = {
  /** Full entity ref, lower case: `component:default/payments`. */
  entity: string;
  /** The GitOps repository, written as an annotation would name it. */
  repository: string;
  /** The overlays folder, relative to the repository root. */
  overlaysPath: string;
  /** The source repository versions come from, when not the GitOps repository. */
  sourceRepository?: string;
};

const KEY = 'environments.ownership';

const entityRefSchema = z
  .string()
  .regex(
    /^[^:/\s]+:[^:/\s]+\/[^:/\s]+$/,
    'must be a full entity ref, kind:namespace/name',
  )
  .transform(ref => ref.toLocaleLowerCase('en-US'));

const folderSchema = z
  .string()
  .transform(path => path.replace(/^\/+|\/+$/g, ''))
  .refine(
    path =>
      path.length > 0 &&
      !/[\\\0]/.test(path) &&
      path.split('/').every(p => p !== '' && p !== '.' && p !== '..'),
    'must be a relative folder inside the repository',
  );

const ownershipSchema = z
  .array(
    z
      .object({
        entity: entityRefSchema,
        repository: z.string().min(1),
        overlaysPath: folderSchema,
        sourceRepository: z.string().min(1).optional(),
      })
      .strict(),
  )
  .superRefine((entries, ctx) => {
    const seen = new Map<string, string>();
    entries.forEach((entry, index) => {
      const folder = `${entry.repository}\n${entry.overlaysPath}`;
      const owner = seen.get(folder);
      if (owner !== undefined) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [index, 'overlaysPath'],
          message: `'${entry.overlaysPath}' in ${entry.repository} is already owned by ${owner}: a folder has one owner`,
        });
      }
      seen.set(folder, entry.entity);
    });
  });

/**
 * Reads `environments.ownership`: overlays folders the platform team assigns to entities, for
 * repositories whose folders carry no owner file. Throws naming the key on invalid values.
 */
export function readOwnershipConfig(config: Config): OwnershipEntry[] {
  return parseConfigValue(ownershipSchema, config.getOptional(KEY) ?? [], KEY);
}
