import { CompoundEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { z } from 'zod/v3';

// Catalog names allow letters, digits and [-_.]; anything else cannot name an entity.
const refPart = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'is not a valid catalog name');

const paramsSchema = z.object({
  kind: refPart,
  namespace: refPart,
  name: refPart,
});

/** Validates `:kind/:namespace/:name` route params into an entity ref. */
export function parseEntityRefParams(params: unknown): CompoundEntityRef {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`Entity ${issue.path.join('.')} ${issue.message}`);
  }
  return {
    kind: parsed.data.kind.toLocaleLowerCase('en-US'),
    namespace: parsed.data.namespace.toLocaleLowerCase('en-US'),
    name: parsed.data.name,
  };
}
