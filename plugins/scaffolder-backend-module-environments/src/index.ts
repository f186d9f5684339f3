/**
 * Scaffolder actions that wire new services into Stageline environments.
 *
 * @packageDocumentation
 */
export { scaffolderModuleEnvironments as default } from './module';
export { createAnnotationsAction } from './actions/createAnnotationsAction';
export { createEnvironmentsAction } from './actions/createEnvironmentsAction';
export { addEnvironmentAction } from './actions/addEnvironmentAction';
export { platformEnvironmentsAction } from './actions/platformEnvironmentsAction';
