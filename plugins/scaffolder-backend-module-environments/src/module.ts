import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { addEnvironmentAction } from './actions/addEnvironmentAction';
import { createAnnotationsAction } from './actions/createAnnotationsAction';
import { createEnvironmentsAction } from './actions/createEnvironmentsAction';
import { platformEnvironmentsAction } from './actions/platformEnvironmentsAction';

/**
 * Registers the Stageline environments actions with the scaffolder.
 *
 * @public
 */
export const scaffolderModuleEnvironments = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'environments',
  register({ registerInit }) {
    registerInit({
      deps: { scaffolderActions: scaffolderActionsExtensionPoint },
      async init({ scaffolderActions }) {
        scaffolderActions.addActions(
          createAnnotationsAction(),
          createEnvironmentsAction(),
          addEnvironmentAction(),
          platformEnvironmentsAction(),
        );
      },
    });
  },
});
