import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import {
  type ImageReference,
  type PromotionRequest,
  isRollbackCandidate,
  shortVersion,
} from '@stageline/plugin-environments-common';
import { matchesRequested } from './matchesRequested';
import type { PromotionDeps } from './PromotionDeps';

/**
 * The version a rollback returns to: one that succeeded in the target before the version it
 * declares now, from history. A version that came after it would be a roll forward: refused.
 */
export async function planRollback(
  deps: PromotionDeps,
  entityRef: string,
  body: PromotionRequest,
  credentials: BackstageCredentials,
): Promise<{ source?: string; version: ImageReference }> {
  const requested = body.version;
  if (!requested) {
    throw new InputError(
      'A rollback names the version to return to: one that succeeded in this environment before',
    );
  }
  const history = await deps.store.listByEntity(entityRef, { limit: 200 });
  const succeeded = history.filter(
    p =>
      p.target === body.target &&
      p.state === 'succeeded' &&
      matchesRequested(p.version, requested),
  );
  if (succeeded.length === 0) {
    throw new ConflictError(
      `${requested} never ran successfully in ${body.target} through Stageline, so it cannot be rolled back to`,
    );
  }
  const { response } = await deps.environments.readChain(entityRef, {
    credentials,
  });
  const current = response.environments.find(e => e.name === body.target)
    ?.desired?.image;
  const earlier = succeeded.find(p => isRollbackCandidate(p, current, history));
  if (!earlier) {
    throw new ConflictError(
      `${body.target} ${
        current ? `declares ${shortVersion(current)}` : 'declares no version'
      }: ${requested} is that version or came after it, so returning to it is not a rollback (promote it instead)`,
    );
  }
  return { version: earlier.version };
}
