import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';

/**
 * One conditional decision per permission, without a resource: `allow` when every answer is an
 * unconditional ALLOW, `deny` when any is an unconditional DENY, else undefined (a conditional
 * answer, a missing one, or a failed request): the caller then asks per entity, which fails
 * closed on its own.
 */
export async function uniformDecisionOf(
  permissionsService: PermissionsService,
  permissions: Array<ResourcePermission<'catalog-entity'>>,
  credentials: BackstageCredentials,
): Promise<'allow' | 'deny' | undefined> {
  if (permissions.length === 0) return undefined;
  let decisions: Array<{ result?: AuthorizeResult } | undefined> | undefined;
  try {
    decisions = await permissionsService.authorizeConditional(
      permissions.map(permission => ({ permission })),
      { credentials },
    );
  } catch {
    return undefined;
  }
  if (!Array.isArray(decisions) || decisions.length !== permissions.length) {
    return undefined;
  }
  const results = decisions.map(d => d?.result);
  if (results.some(r => r === AuthorizeResult.DENY)) return 'deny';
  if (results.every(r => r === AuthorizeResult.ALLOW)) return 'allow';
  return undefined;
}
