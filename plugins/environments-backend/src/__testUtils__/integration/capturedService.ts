import {
  createBackendModule,
  type ServiceRef,
} from '@backstage/backend-plugin-api';

/**
 * A backend module that hands the test one service as the environments plugin sees it: add
 * `feature` to the backend, then `get()` the service once the backend has started.
 */
export function capturedService<T>(
  moduleId: string,
  ref: ServiceRef<T, 'plugin' | 'root'>,
) {
  let captured: { service: T } | undefined;
  const feature = createBackendModule({
    pluginId: 'environments',
    moduleId,
    register(env) {
      env.registerInit({
        deps: { service: ref },
        async init({ service }) {
          captured = { service: service as T };
        },
      });
    },
  });
  return {
    feature,
    get(): T {
      if (!captured) {
        throw new Error(`The backend has not started module '${moduleId}'`);
      }
      return captured.service;
    },
  };
}
