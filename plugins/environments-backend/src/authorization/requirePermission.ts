import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/**
 * Throws NotAllowedError unless the policy allows `permission` on `resourceRef`. Fails closed:
 * anything but an explicit ALLOW is a denial.
 */
export async function requirePermission(options: {
  permissions: PermissionsService;
  permission: ResourcePermission<'catalog-entity'>;
  resourceRef: string;
  credentials: BackstageCredentials;
}): Promise<void> {
  const { permissions, permission, resourceRef, credentials } = options;
  const [decision] = await permissions.authorize(
    [{ permission, resourceRef }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `Not allowed: '${permission.name}' on '${resourceRef}'`,
    );
  }
}
