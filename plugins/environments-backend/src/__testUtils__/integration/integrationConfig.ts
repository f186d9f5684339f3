/**
 * Backend config for the integration test: the qa -> staging -> production chain on cluster
 * `local`, and the checkout entity's repository annotations mapped to local bare repositories.
 * Heads are checked once an hour unless `cacheTtl` says otherwise: a new commit shows after a
 * push event, as it would with the GitHub events module installed.
 */
export function integrationConfig(options: {
  clusterUrl: string;
  token: string;
  gitopsUrl: string;
  sourceUrl: string;
  clonesDirectory: string;
  cacheTtl?: string;
}) {
  return {
    app: { baseUrl: 'http://localhost:3000' },
    environments: {
      chains: {
        default: [
          { name: 'qa' },
          { name: 'staging' },
          { name: 'production', protected: true },
        ],
      },
      clusters: [
        {
          name: 'local',
          url: options.clusterUrl,
          serviceAccountToken: options.token,
        },
      ],
      gitops: {
        branch: 'main',
        cacheTtl: options.cacheTtl ?? '1h',
        clonesDirectory: options.clonesDirectory,
        repositories: {
          'acme/gitops': options.gitopsUrl,
          'acme/checkout': options.sourceUrl,
        },
      },
    },
  };
}
