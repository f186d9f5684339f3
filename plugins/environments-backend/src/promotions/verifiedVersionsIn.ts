import type { ImageReference } from '@stageline/plugin-environments-common';
import type { PromotionDeps } from './PromotionDeps';

/**
 * The versions that passed verification in `environment` for an entity: promotions into it that
 * succeeded and whose verification passed. Two indexed queries; called only for a target that
 * requires `gates.verifiedInSource`.
 */
export async function verifiedVersionsIn(
  deps: Pick<PromotionDeps, 'store' | 'verifier'>,
  entityRef: string,
  environment: string,
): Promise<ImageReference[]> {
  const succeeded = (
    await deps.store.listByEntity(entityRef, { limit: 200 })
  ).filter(p => p.target === environment && p.state === 'succeeded');
  const passed = await deps.verifier.store.listPassed(succeeded.map(p => p.id));
  return succeeded.filter(p => passed.has(p.id)).map(p => p.version);
}
