import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type { UserInfoService } from '@backstage/backend-plugin-api';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  environmentsApprovePermission,
  environmentsPreviewDeletePermission,
  environmentsPromoteBreakGlassPermission,
  environmentsPromotePermission,
  environmentsPromoteProtectedPermission,
  environmentsReadPermission,
  environmentsRollbackPermission,
} from '@stageline/plugin-environments-common';

/**
 * Example policy for Stageline: a service's owners promote it to non-protected environments,
 * roll it back and manage its previews; members of the release group promote to protected
 * environments (production), approve and break glass. Everything else is allowed, as the allow-all policy
 * this replaces did.
 */
export class StagelinePermissionPolicy implements PermissionPolicy {
  readonly #releaseGroup: string;
  readonly #userInfo: UserInfoService;

  constructor(options: { releaseGroup: string; userInfo: UserInfoService }) {
    this.#releaseGroup = options.releaseGroup;
    this.#userInfo = options.userInfo;
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    if (isPermission(permission, environmentsReadPermission)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (
      isPermission(permission, environmentsPromoteProtectedPermission) ||
      isPermission(permission, environmentsPromoteBreakGlassPermission) ||
      isPermission(permission, environmentsApprovePermission)
    ) {
      const claims = await this.#claims(user);
      return {
        result: claims.includes(this.#releaseGroup)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      };
    }
    if (
      (isPermission(permission, environmentsPromotePermission) ||
        isPermission(permission, environmentsRollbackPermission) ||
        isPermission(permission, environmentsPreviewDeletePermission)) &&
      isResourcePermission(permission, 'catalog-entity')
    ) {
      const claims = await this.#claims(user);
      if (claims.includes(this.#releaseGroup)) {
        return { result: AuthorizeResult.ALLOW };
      }
      return createCatalogConditionalDecision(
        permission,
        catalogConditions.isEntityOwner({ claims }),
      );
    }
    return { result: AuthorizeResult.ALLOW };
  }

  /** The signed-in user's ownership entity refs: the user and their groups; none without a user. */
  async #claims(user?: PolicyQueryUser): Promise<string[]> {
    if (!user) return [];
    const info = await this.#userInfo.getUserInfo(user.credentials);
    return info.ownershipEntityRefs;
  }
}
