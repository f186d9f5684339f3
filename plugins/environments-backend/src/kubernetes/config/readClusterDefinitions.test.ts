import { ConfigReader } from '@backstage/config';

type JsonObject = NonNullable<ConstructorParameters<typeof ConfigReader>[0]>;
import { readClusterDefinitions } from './readClusterDefinitions';

function read(data: JsonObject) {
  const warnings: Array<[string, unknown]> = [];
  const clusters = readClusterDefinitions(new ConfigReader(data), {
    warn: (message: string, meta?: unknown) => warnings.push([message, meta]),
  });
  return { clusters, warnings };
}

function kubernetes(...clusters: JsonObject[]) {
  return {
    kubernetes: { clusterLocatorMethods: [{ type: 'config', clusters }] },
  };
}

describe('readClusterDefinitions', () => {
  it('returns nothing when no cluster is configured', () => {
    expect(read({})).toEqual({ clusters: [], warnings: [] });
  });

  it('reads kubernetes config clusters, then environments clusters', () => {
    const { clusters, warnings } = read({
      ...kubernetes(
        {
          name: 'prod',
          url: 'https://prod.example.com',
          authProvider: 'serviceAccount',
          serviceAccountToken: 'secret',
          caData: 'Q0E=',
          skipTLSVerify: false,
        },
        {
          name: 'proxy',
          url: 'http://localhost:8001',
          authProvider: 'localKubectlProxy',
        },
        {
          name: 'meta',
          url: 'https://meta.example.com',
          authMetadata: {
            'kubernetes.io/auth-provider': 'serviceAccount',
            serviceAccountToken: 'meta-secret',
          },
          caFile: '/ca.pem',
        },
      ),
      environments: {
        clusters: [
          { name: 'local', kubeconfig: {} },
          {
            name: 'kind',
            kubeconfig: { path: '/kube/config', context: 'kind-kind' },
          },
          {
            name: 'direct',
            url: 'https://direct.example.com',
            serviceAccountToken: 't',
            skipTLSVerify: true,
          },
        ],
      },
    });
    expect(warnings).toEqual([]);
    expect(clusters).toEqual([
      {
        name: 'prod',
        url: 'https://prod.example.com',
        serviceAccountToken: 'secret',
        caData: 'Q0E=',
        skipTLSVerify: false,
      },
      { name: 'proxy', url: 'http://localhost:8001' },
      {
        name: 'meta',
        url: 'https://meta.example.com',
        serviceAccountToken: 'meta-secret',
        caFile: '/ca.pem',
      },
      { name: 'local', kubeconfig: {} },
      {
        name: 'kind',
        kubeconfig: { path: '/kube/config', context: 'kind-kind' },
      },
      {
        name: 'direct',
        url: 'https://direct.example.com',
        serviceAccountToken: 't',
        skipTLSVerify: true,
      },
    ]);
  });

  it('skips other locator types and per-user auth providers without a token, saying why', () => {
    const { clusters, warnings } = read({
      kubernetes: {
        clusterLocatorMethods: [
          { type: 'catalog' },
          {
            type: 'config',
            clusters: [
              {
                name: 'gke',
                url: 'https://gke.example.com',
                authProvider: 'google',
              },
              {
                name: 'oidc',
                url: 'https://oidc.example.com',
                authMetadata: { 'kubernetes.io/auth-provider': 'oidc' },
              },
              {
                name: 'aws',
                url: 'https://aws.example.com',
                authProvider: 'aws',
                serviceAccountToken: 'token',
              },
            ],
          },
        ],
      },
    });
    expect(clusters.map(c => c.name)).toEqual(['aws']);
    expect(warnings).toEqual([
      [
        "Stageline reads only cluster locators of type 'config'; ignoring one of another type",
        { type: 'catalog', key: 'kubernetes.clusterLocatorMethods[0]' },
      ],
      [
        expect.stringContaining('per-user login'),
        {
          cluster: 'gke',
          key: 'kubernetes.clusterLocatorMethods[1].clusters[0]',
          authProvider: 'google',
        },
      ],
      [
        expect.stringContaining('per-user login'),
        expect.objectContaining({ cluster: 'oidc', authProvider: 'oidc' }),
      ],
    ]);
    expect(JSON.stringify(warnings)).not.toContain('token');
  });

  it.each([
    [
      'a duplicate name across both lists',
      {
        ...kubernetes({ name: 'a', url: 'https://a' }),
        environments: { clusters: [{ name: 'a', url: 'https://b' }] },
      },
      "'environments.clusters[0].name': cluster 'a' is already defined at 'kubernetes.clusterLocatorMethods[0].clusters[0]'",
    ],
    [
      'a duplicate name in one list',
      {
        environments: {
          clusters: [
            { name: 'a', url: 'https://a' },
            { name: 'a', kubeconfig: {} },
          ],
        },
      },
      "'environments.clusters[1].name'",
    ],
    [
      'a missing name',
      { environments: { clusters: [{ url: 'https://a' }] } },
      "'environments.clusters[0].name'",
    ],
    [
      'a blank name',
      { environments: { clusters: [{ name: ' ', url: 'https://a' }] } },
      "'environments.clusters[0].name'",
    ],
    [
      'neither url nor kubeconfig',
      { environments: { clusters: [{ name: 'a' }] } },
      "'environments.clusters[0]': cluster 'a' needs either url or kubeconfig",
    ],
    [
      'url and kubeconfig',
      {
        environments: {
          clusters: [{ name: 'a', url: 'https://a', kubeconfig: {} }],
        },
      },
      "'environments.clusters[0].url'",
    ],
    [
      'a token with kubeconfig',
      {
        environments: {
          clusters: [{ name: 'a', serviceAccountToken: 'x', kubeconfig: {} }],
        },
      },
      "'environments.clusters[0].serviceAccountToken'",
    ],
    [
      'a non-http url',
      { environments: { clusters: [{ name: 'a', url: 'ftp://a' }] } },
      "'environments.clusters[0].url': 'ftp://a' is not an http(s) URL",
    ],
    [
      'a relative url',
      kubernetes({ name: 'a', url: 'cluster.local' }),
      "'kubernetes.clusterLocatorMethods[0].clusters[0].url'",
    ],
    [
      'a kubernetes cluster without url',
      kubernetes({ name: 'a' }),
      "'kubernetes.clusterLocatorMethods[0].clusters[0].url'",
    ],
    [
      'a wrongly typed kubeconfig path',
      { environments: { clusters: [{ name: 'a', kubeconfig: { path: 3 } }] } },
      "'environments.clusters[0].kubeconfig.path'",
    ],
  ])('throws naming the key for %s', (_, data, message) => {
    expect(() => read(data)).toThrow(message);
  });

  it('never puts a token into an error message', () => {
    expect(() =>
      read({
        environments: {
          clusters: [
            { name: 'a', url: 'nope', serviceAccountToken: 'canary-token' },
          ],
        },
      }),
    ).toThrow(
      expect.objectContaining({
        message: expect.not.stringContaining('canary-token'),
      }),
    );
  });
});
