import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
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
  environmentsPromotePermission,
  environmentsPromoteProtectedPermission,
  environmentsReadPermission,
  environmentsRollbackPermission,
} from '@stageline/plugin-environments-common';

/**
 * Example policy for Stageline: a service's owners promote it to non-protected environments,
 * roll it back and manage its previews; members of the release group promote to protected
 * environments (production) and approve. Everything else is allowed, as the allow-all policy
 * this replaces did.
 */
export class StagelinePermissionPolicy implements PermissionPolicy {
  readonly #releaseGroup: string;

  constructor(options: { releaseGroup: string }) {
    this.#releaseGroup = options.releaseGroup;
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    const claims = user?.info.ownershipEntityRefs ?? [];
    const releaseManager = claims.includes(this.#releaseGroup);
    if (isPermission(permission, environmentsReadPermission)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (
      isPermission(permission, environmentsPromoteProtectedPermission) ||
      isPermission(permission, environmentsApprovePermission)
    ) {
      return {
        result: releaseManager ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      };
    }
    if (
      (isPermission(permission, environmentsPromotePermission) ||
        isPermission(permission, environmentsRollbackPermission) ||
        isPermission(permission, environmentsPreviewDeletePermission)) &&
      isResourcePermission(permission, 'catalog-entity')
    ) {
      if (releaseManager) return { result: AuthorizeResult.ALLOW };
      return createCatalogConditionalDecision(
        permission,
        catalogConditions.isEntityOwner({ claims }),
      );
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
