import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { StagelinePermissionPolicy } from './StagelinePermissionPolicy';

/**
 * Installs the example Stageline permission policy with `group:default/release-managers` as
 * its release group, set in code below (no config key reads it).
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
