import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { isError, NotAllowedError } from '@backstage/errors';
import {
  environmentsPromotePermission,
  environmentsPromoteProtectedPermission,
  environmentsReadPermission,
} from '@stageline/plugin-environments-common';
import type { Promotion } from '@stageline/plugin-environments-common';
import { isProtectedEnvironment } from '../config/findEnvironment';
import { actorOf } from '../authorization/actorOf';
import type { PromotionDeps } from './PromotionDeps';

// Entity refs compare case-insensitively, as in the catalog.
const sameActor = (a: string, b: string) =>
  a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');

/**
 * The one cancel rule: a caller who may read the entity and either requested the promotion, or
 * may promote into its target (environments.promote, plus environments.promote.protected when
 * the target is protected). The catalog is read only for someone other than the requester,
 * after environments.promote; nothing else is called.
 *
 * @throws NotAllowedError naming who may cancel, for everyone else.
 */
export async function requireCanceller(
  deps: Pick<PromotionDeps, 'authorization' | 'environments' | 'config'>,
  promotion: Promotion,
  credentials: BackstageCredentials,
): Promise<void> {
  const require = (permission: typeof environmentsReadPermission) =>
    deps.authorization.require(permission, promotion.entityRef, credentials);
  // Nobody cancels what they may not see.
  await require(environmentsReadPermission);
  if (sameActor(actorOf(credentials).actor, promotion.requestedBy)) return;
  try {
    await require(environmentsPromotePermission);
    if (await isProtectedTarget(deps, promotion, credentials)) {
      await require(environmentsPromoteProtectedPermission);
    }
  } catch (error) {
    if (!isError(error) || error.name !== 'NotAllowedError') throw error;
    throw new NotAllowedError(
      `Only ${promotion.requestedBy}, who requested promotion ${promotion.id}, or someone allowed to promote into ${promotion.target} may cancel it (${error.message})`,
    );
  }
}

/** Whether the promotion's target is protected in its entity's chain (a catalog read only). */
export async function isProtectedTarget(
  deps: Pick<PromotionDeps, 'environments' | 'config'>,
  promotion: Promotion,
  credentials: BackstageCredentials,
): Promise<boolean> {
  const ctx = await deps.environments.readContext(promotion.entityRef, {
    credentials,
  });
  return isProtectedEnvironment(deps.config, ctx, promotion.target);
}
