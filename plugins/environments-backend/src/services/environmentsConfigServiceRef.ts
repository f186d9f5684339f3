import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import {
  type EnvironmentsConfig,
  readEnvironmentsConfig,
} from '../config/readEnvironmentsConfig';

/**
 * `environments.*`, read and validated once when the plugin starts: invalid config fails the
 * startup naming the key. Every other service takes its settings from here.
 */
export const environmentsConfigServiceRef =
  createServiceRef<EnvironmentsConfig>({
    id: 'environments.config',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: { config: coreServices.rootConfig },
        factory: ({ config }) => readEnvironmentsConfig(config),
      }),
  });
