import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { AddressInfo } from 'node:net';
import type { GitopsRepositories } from '../src/gitops/repositories/GitopsRepositories';
import { environmentsPlugin } from '../src/plugin';
import { gitopsRepositoriesServiceRef } from '../src/services/gitopsRepositoriesServiceRef';
import { ENVIRONMENTS } from './fixtures';
import { indexedCatalogFactory } from './indexedCatalog';

export type BenchBackend = {
  baseUrl: string;
  /** The environments plugin's GitopsRepositories (for head check counts). */
  repositories: GitopsRepositories;
  stop(): Promise<void>;
};

/**
 * The environments plugin and the stock Kubernetes plugin side by side, on one cluster, with a
 * catalog of `entities`, and a probe module that hands out the plugin's GitopsRepositories.
 */
export async function startBenchBackend(options: {
  clusterUrl: string;
  clusterToken: string;
  githubToken: string;
  entities: Entity[];
  cacheTtl: string;
  /** `environments.gitops` additions of the provider. */
  gitops: Record<string, unknown>;
}): Promise<BenchBackend> {
  let repositories: GitopsRepositories | undefined;
  const probe = createBackendModule({
    pluginId: 'environments',
    moduleId: 'bench-probe',
    register(env) {
      env.registerInit({
        deps: { gitopsRepositories: gitopsRepositoriesServiceRef },
        async init({ gitopsRepositories }) {
          repositories = gitopsRepositories;
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      environmentsPlugin,
      probe,
      import('@backstage/plugin-kubernetes-backend'),
      indexedCatalogFactory(options.entities),
      mockServices.rootConfig.factory({
        data: {
          integrations: {
            github: [{ host: 'github.com', token: options.githubToken }],
          },
          kubernetes: {
            serviceLocatorMethod: { type: 'multiTenant' },
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: [
                  {
                    name: 'bench',
                    url: options.clusterUrl,
                    authProvider: 'serviceAccount',
                    serviceAccountToken: options.clusterToken,
                    skipTLSVerify: true,
                    skipMetricsLookup: true,
                  },
                ],
              },
            ],
          },
          environments: {
            chains: { default: ENVIRONMENTS.map(name => ({ name })) },
            gitops: { cacheTtl: options.cacheTtl, ...options.gitops },
          },
        },
      }),
    ],
  });
  if (!repositories) {
    await backend.stop();
    throw new Error('the bench probe module got no GitopsRepositories');
  }
  const { port } = backend.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    repositories,
    stop: () => backend.stop(),
  };
}
