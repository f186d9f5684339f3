import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  environmentsApprovePermission,
  environmentsPreviewDeletePermission,
  environmentsPromoteBreakGlassPermission,
  environmentsPromotePermission,
  environmentsPromoteProtectedPermission,
  environmentsRollbackPermission,
} from '@stageline/plugin-environments-common';

/** What the signed-in user may do on this entity's environments (UX only; the backend decides). */
export type EnvironmentsPermissions = {
  promote: boolean;
  promoteProtected: boolean;
  approve: boolean;
  rollback: boolean;
  /** Break glass: bypass freeze windows, soak time and approvals, with an incident and a reason. */
  breakGlass: boolean;
  managePreviews: boolean;
};

/** Every Stageline permission for the entity; false while loading. */
export function useEnvironmentsPermissions(
  entity: Entity,
): EnvironmentsPermissions {
  const resourceRef = stringifyEntityRef(entity);
  const promote = usePermission({
    permission: environmentsPromotePermission,
    resourceRef,
  });
  const promoteProtected = usePermission({
    permission: environmentsPromoteProtectedPermission,
    resourceRef,
  });
  const approve = usePermission({
    permission: environmentsApprovePermission,
    resourceRef,
  });
  const rollback = usePermission({
    permission: environmentsRollbackPermission,
    resourceRef,
  });
  const breakGlass = usePermission({
    permission: environmentsPromoteBreakGlassPermission,
    resourceRef,
  });
  const managePreviews = usePermission({
    permission: environmentsPreviewDeletePermission,
    resourceRef,
  });
  return {
    promote: promote.allowed,
    promoteProtected: promoteProtected.allowed,
    approve: approve.allowed,
    rollback: rollback.allowed,
    breakGlass: breakGlass.allowed,
    managePreviews: managePreviews.allowed,
  };
}
