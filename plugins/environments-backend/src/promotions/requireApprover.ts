import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  environmentsApprovePermission,
  environmentsPromoteProtectedPermission,
  environmentsReadPermission,
  type Promotion,
} from '@stageline/plugin-environments-common';
import type { PromotionDeps } from './PromotionDeps';
import { isProtectedTarget } from './requireCanceller';

/**
 * The one approver rule, for approving and for acknowledging break-glass: read and approve
 * permissions on the entity (nobody approves what they may not read), protected too when the
 * target is protected, and a signed-in user other than the requester.
 *
 * @returns the approving user.
 * @throws NotAllowedError with the given messages for an anonymous caller or the requester.
 */
export async function requireApprover(
  deps: Pick<PromotionDeps, 'authorization' | 'environments' | 'config'>,
  promotion: Promotion,
  credentials: BackstageCredentials,
  user: string | undefined,
  refusals: { anonymous: string; requester: string },
): Promise<string> {
  const require = (permission: typeof environmentsReadPermission) =>
    deps.authorization.require(permission, promotion.entityRef, credentials);
  await require(environmentsReadPermission);
  await require(environmentsApprovePermission);
  if (await isProtectedTarget(deps, promotion, credentials)) {
    await require(environmentsPromoteProtectedPermission);
  }
  if (!user) throw new NotAllowedError(refusals.anonymous);
  if (user === promotion.requestedBy) {
    throw new NotAllowedError(refusals.requester);
  }
  return user;
}
