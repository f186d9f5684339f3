import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';

/**
 * The entities of `resourceRefs` on which the caller lacks any of `permissions`, asked in one
 * batch. Fails closed: anything but an explicit ALLOW counts as lacking.
 */
export async function permissionsLacking(
  permissionsService: PermissionsService,
  resourceRefs: string[],
  permissions: Array<ResourcePermission<'catalog-entity'>>,
  credentials: BackstageCredentials,
): Promise<string[]> {
  const decisions = await permissionsService.authorize(
    resourceRefs.flatMap(resourceRef =>
      permissions.map(permission => ({ permission, resourceRef })),
    ),
    { credentials },
  );
  return resourceRefs.filter((_, i) =>
    permissions.some(
      (__, j) =>
        decisions[i * permissions.length + j]?.result !== AuthorizeResult.ALLOW,
    ),
  );
}
