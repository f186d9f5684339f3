import { EnvironmentKind } from '../manifests/layoutTypes';

/** Where an environment sits in the RBAC matrix. */
export function environmentKind(
  environment: string,
  options: { protectedEnvironments: string[]; qaEnvironment: string },
): EnvironmentKind {
  if (options.protectedEnvironments.includes(environment)) return 'protected';
  if (environment === options.qaEnvironment) return 'qa';
  return 'open';
}
