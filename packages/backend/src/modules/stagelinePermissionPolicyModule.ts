import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { StagelinePermissionPolicy } from './StagelinePermissionPolicy';

/**
 * Installs the example Stageline permission policy. The release group defaults to
 * `group:default/release-managers` (config `permission.stageline.releaseGroup`).
 */
export const stagelinePermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'stageline-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, userInfo: coreServices.userInfo },
      async init({ policy, userInfo }) {
        policy.setPolicy(
          new StagelinePermissionPolicy({
            releaseGroup: 'group:default/release-managers',
            userInfo,
          }),
        );
      },
    });
  },
});
