import { ConflictError, InputError } from '@backstage/errors';
import type {
  ImageReference,
  PromotionRequest,
} from '@stageline/plugin-environments-common';
import { matchesRequested } from './matchesRequested';
import type { PromotionDeps } from './PromotionDeps';

/** The version a rollback returns to: one that succeeded in the target before, from history. */
export async function planRollback(
  deps: PromotionDeps,
  entityRef: string,
  body: PromotionRequest,
): Promise<{ source?: string; version: ImageReference }> {
  const requested = body.version;
  if (!requested) {
    throw new InputError(
      'A rollback names the version to return to: one that succeeded in this environment before',
    );
  }
  const history = await deps.store.listByEntity(entityRef, { limit: 200 });
  const earlier = history.find(
    p =>
      p.target === body.target &&
      p.state === 'succeeded' &&
      matchesRequested(p.version, requested),
  );
  if (!earlier) {
    throw new ConflictError(
      `${requested} never ran successfully in ${body.target} through Stageline, so it cannot be rolled back to`,
    );
  }
  return { version: earlier.version };
}
