import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { OverlayOwner } from '@stageline/plugin-environments-common';
import { parseDocument } from 'yaml';
import { z } from 'zod/v3';

/** Owner files name one entity and maybe a repository: a few hundred bytes at most. */
const OWNER_FILE_MAX_BYTES = 4 * 1024;

/** Why an overlay owner file cannot be used. */
export class OverlayOwnerError extends Error {
  name = 'OverlayOwnerError';
}

const ownerSchema = z
  .object({
    entity: z.string().min(1).max(253),
    sourceRepository: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'must be owner/repo')
      .optional(),
  })
  .strict();

/**
 * Reads an overlays folder's owner file. Strict: one YAML document, no aliases, no other keys,
 * an entity ref with kind and namespace (`component:default/payments`), normalised.
 */
export function parseOverlayOwner(text: string): OverlayOwner {
  if (Buffer.byteLength(text, 'utf8') > OWNER_FILE_MAX_BYTES) {
    throw new OverlayOwnerError(
      `owner file is larger than ${OWNER_FILE_MAX_BYTES} bytes`,
    );
  }
  const parsed = ownerSchema.safeParse(readYaml(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new OverlayOwnerError(
      `owner file ${issue.path.join('.') || 'document'}: ${issue.message}`,
    );
  }
  return {
    entity: fullEntityRef(parsed.data.entity),
    ...(parsed.data.sourceRepository && {
      sourceRepository: parsed.data.sourceRepository,
    }),
  };
}

function readYaml(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new OverlayOwnerError(
      `owner file is not valid YAML: ${doc.errors[0].message}`,
    );
  }
  try {
    return doc.toJS({ maxAliasCount: 0 });
  } catch (error) {
    throw new OverlayOwnerError(
      `owner file is not plain YAML: ${(error as Error).message}`,
    );
  }
}

// A short ref would depend on defaults the reader guesses: require kind and namespace.
function fullEntityRef(value: string): string {
  if (!/^[^:/]+:[^:/]+\/[^:/]+$/.test(value)) {
    throw new OverlayOwnerError(
      `owner file entity '${value}' must be a full entity ref, kind:namespace/name`,
    );
  }
  try {
    return stringifyEntityRef(parseEntityRef(value)).toLocaleLowerCase('en-US');
  } catch (error) {
    throw new OverlayOwnerError(
      `owner file entity '${value}': ${(error as Error).message}`,
    );
  }
}
