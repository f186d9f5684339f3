import { integrationConfig } from './integrationConfig';

/** The cluster qa and staging run on (the default: the first configured). */
export const MAIN_CLUSTER = 'main';
/** The cluster of its own production runs on. */
export const PROD_CLUSTER = 'prod';

/**
 * Backend config for a chain that spans two clusters: qa and staging on `main`, production
 * (protected, written as a commit, with a soak time) on `prod`, each cluster with its own token.
 * Logs links for every environment and a dashboard for production come from URL templates.
 */
export function twoClusterConfig(options: {
  main: { url: string; token: string };
  prod: { url: string; token: string };
  gitopsUrl: string;
  sourceUrl: string;
  clonesDirectory: string;
}) {
  const base = integrationConfig({
    clusterUrl: options.main.url,
    token: options.main.token,
    gitopsUrl: options.gitopsUrl,
    sourceUrl: options.sourceUrl,
    clonesDirectory: options.clonesDirectory,
  });
  return {
    ...base,
    environments: {
      ...base.environments,
      chains: {
        default: [
          { name: 'qa' },
          { name: 'staging' },
          {
            name: 'production',
            cluster: PROD_CLUSTER,
            protected: true,
            mode: 'commit',
            gates: { soakTime: '1h' },
          },
        ],
      },
      clusters: [
        {
          name: MAIN_CLUSTER,
          url: options.main.url,
          serviceAccountToken: options.main.token,
        },
        {
          name: PROD_CLUSTER,
          url: options.prod.url,
          serviceAccountToken: options.prod.token,
        },
      ],
      links: [
        {
          title: 'Logs',
          url: 'https://grafana.example.com/explore?cluster={cluster}&namespace={namespace}&app={service}',
        },
        {
          title: 'Dashboard',
          url: 'https://grafana.example.com/d/{service}-{environment}',
          environments: ['production'],
        },
      ],
      previews: { reaper: { enabled: false } },
    },
  };
}
