import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  Authorization,
  EntityPermission,
} from '../authorization/Authorization';

/**
 * Decisions per permission request (entities times permissions): the permission backend takes
 * JSON bodies up to 100 kB, and one decision request is about 250 bytes.
 */
export const PERMISSION_BATCH = 200;
const PARALLEL = 4;

/**
 * `lackingOn` for any number of entities. First one decision without a resource: a policy that
 * allows (or denies) the permissions unconditionally answers every entity at once, so thousands
 * of services cost one request. Otherwise requests of at most {@link PERMISSION_BATCH} decisions,
 * a few at a time: one request for thousands of services would exceed the permission backend's
 * body limit and fail the whole list.
 */
export async function lackingInBatches(
  authorization: Pick<Authorization, 'lackingOn' | 'uniformDecision'>,
  refs: string[],
  permissions: EntityPermission[],
  credentials: BackstageCredentials,
): Promise<Set<string>> {
  if (refs.length === 0) return new Set();
  const uniform = await authorization.uniformDecision(permissions, credentials);
  if (uniform === 'allow') return new Set();
  if (uniform === 'deny') return new Set(refs);
  const size = Math.max(1, Math.floor(PERMISSION_BATCH / permissions.length));
  const batches: string[][] = [];
  for (let i = 0; i < refs.length; i += size) {
    batches.push(refs.slice(i, i + size));
  }
  const lacking = new Set<string>();
  for (let i = 0; i < batches.length; i += PARALLEL) {
    const answers = await Promise.all(
      batches
        .slice(i, i + PARALLEL)
        .map(batch => authorization.lackingOn(batch, permissions, credentials)),
    );
    for (const ref of answers.flat()) lacking.add(ref);
  }
  return lacking;
}
