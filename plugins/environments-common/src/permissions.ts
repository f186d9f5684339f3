import {
  createPermission,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';

/**
 * Read a service's environments, previews, history and diffs.
 *
 * @public
 */
export const environmentsReadPermission: ResourcePermission<'catalog-entity'> =
  createPermission({
    name: 'environments.read',
    attributes: { action: 'read' },
    resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
  });

/**
 * Promote a version of a service into the next environment of its chain. A catalog-entity
 * permission, so a policy can use catalog rules such as ownership.
 *
 * @public
 */
export const environmentsPromotePermission: ResourcePermission<'catalog-entity'> =
  createPermission({
    name: 'environments.promote',
    attributes: { action: 'update' },
    resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
  });

/**
 * Promote into an environment marked `protected` (checked in addition to `environments.promote`).
 *
 * @public
 */
export const environmentsPromoteProtectedPermission: ResourcePermission<'catalog-entity'> =
  createPermission({
    name: 'environments.promote.protected',
    attributes: { action: 'update' },
    resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
  });

/**
 * Approve or reject another user's promotion.
 *
 * @public
 */
export const environmentsApprovePermission: ResourcePermission<'catalog-entity'> =
  createPermission({
    name: 'environments.approve',
    attributes: { action: 'update' },
    resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
  });

/**
 * Roll an environment back to a version it ran successfully before.
 *
 * @public
 */
export const environmentsRollbackPermission: ResourcePermission<'catalog-entity'> =
  createPermission({
    name: 'environments.rollback',
    attributes: { action: 'update' },
    resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
  });

/**
 * Promote or roll back while bypassing freeze windows, soak time, source health duration and
 * approvals (never the digest or in-flight rules), with a reason and an incident link. Checked in
 * addition to `environments.promote` (and `environments.rollback` for a rollback).
 *
 * @public
 */
export const environmentsPromoteBreakGlassPermission: ResourcePermission<'catalog-entity'> =
  createPermission({
    name: 'environments.promote.breakglass',
    attributes: { action: 'update' },
    resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
  });

/**
 * Delete, keep or extend a service's preview environments.
 *
 * @public
 */
export const environmentsPreviewDeletePermission: ResourcePermission<'catalog-entity'> =
  createPermission({
    name: 'environments.preview.delete',
    attributes: { action: 'delete' },
    resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
  });

/**
 * Every permission this plugin family defines.
 *
 * @public
 */
export const environmentsPermissions = [
  environmentsReadPermission,
  environmentsPromotePermission,
  environmentsPromoteProtectedPermission,
  environmentsApprovePermission,
  environmentsRollbackPermission,
  environmentsPromoteBreakGlassPermission,
  environmentsPreviewDeletePermission,
];
