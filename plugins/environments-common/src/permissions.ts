import { createPermission } from '@backstage/plugin-permission-common';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';

/**
 * Read a service's environments, previews, history and diffs.
 *
 * @public
 */
export const environmentsReadPermission = createPermission({
  name: 'environments.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Every permission this plugin family defines.
 *
 * @public
 */
export const environmentsPermissions = [environmentsReadPermission];
