/**
 * Wire types, permissions and annotation names shared by the Stageline environments plugins.
 *
 * @packageDocumentation
 */

export { STAGELINE_ANNOTATIONS } from './annotations';
export {
  environmentsPermissions,
  environmentsReadPermission,
} from './permissions';
export type { EnvironmentDefinition, EnvironmentsResponse } from './types';
