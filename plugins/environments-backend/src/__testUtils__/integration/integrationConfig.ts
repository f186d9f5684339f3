/**
 * Backend config for the integration test: the qa -> staging -> production chain on cluster
 * `local`, and the checkout entity's repository annotations mapped to local bare repositories.
 * Git reads are never cached (cacheTtl 0ms) so a new commit shows on the next request.
 */
export function integrationConfig(options: {
  clusterUrl: string;
  token: string;
  gitopsUrl: string;
  sourceUrl: string;
  clonesDirectory: string;
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
        cacheTtl: '0ms',
        clonesDirectory: options.clonesDirectory,
        repositories: {
          'acme/gitops': options.gitopsUrl,
          'acme/checkout': options.sourceUrl,
        },
      },
    },
  };
}
