import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { environmentsPermissions } from '@stageline/plugin-environments-common';

/**
 * Whether the caller holds none of the `environments.*` permissions on the entity: an outsider
 * to its promotions. One batched authorize call. When the policy cannot be asked the caller is
 * not called an outsider, so their refusal is audited rather than dropped.
 */
export async function holdsNoEnvironmentsPermission(
  permissions: PermissionsService,
  entityRef: string,
  credentials: BackstageCredentials,
): Promise<boolean> {
  try {
    const decisions = await permissions.authorize(
      environmentsPermissions.map(permission => ({
        permission,
        resourceRef: entityRef,
      })),
      { credentials },
    );
    return decisions.every(d => d.result !== AuthorizeResult.ALLOW);
  } catch {
    return false;
  }
}
