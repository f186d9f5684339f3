import { ConfigReader } from '@backstage/config';
import { readEnvironmentsConfig } from './readEnvironmentsConfig';

describe('readEnvironmentsConfig', () => {
  it('defaults every key', () => {
    const config = readEnvironmentsConfig(new ConfigReader({}));
    expect(config.previews).toEqual({
      namespacePattern: 'feature-pr-{number}',
      ttlMs: 259_200_000,
      reaper: { enabled: true, dryRun: false, frequencyMs: 300_000 },
    });
    expect(config.gitops).toEqual({
      branch: 'main',
      overlaysPath: 'k8s/overlays',
      cacheTtlMs: 30_000,
      clonesDirectory: undefined,
      repositories: {},
    });
    expect([...config.chains.keys()]).toEqual(['default']);
    expect(config.chains.get('default')!.map(e => e.definition.name)).toEqual([
      'qa',
      'staging',
      'production',
    ]);
  });

  it('returns each environment with its definition, gates, execution and links', () => {
    const config = readEnvironmentsConfig(
      new ConfigReader({
        environments: {
          chains: {
            default: [
              { name: 'qa' },
              {
                name: 'production',
                protected: true,
                mode: 'commit',
                gates: { approvals: 2, soakTime: '1h' },
              },
            ],
          },
          previews: { reaper: { dryRun: true } },
          links: [
            { title: 'Logs', url: 'https://logs.example.com/{namespace}' },
            {
              title: 'Dashboard',
              url: 'https://dash.example.com/{service}',
              environments: ['qa'],
            },
          ],
        },
      }),
    );
    expect(config.chains.get('default')![1].definition).toEqual({
      name: 'production',
      namespace: 'production',
      overlay: 'production',
      cluster: undefined,
      protected: true,
    });
    expect(config.chains.get('default')![1]).toMatchObject({
      gates: { approvals: 2, soakTimeMs: 3_600_000 },
      execution: { mode: 'commit' },
    });
    expect(config.chains.get('default')!.map(e => e.links.length)).toEqual([
      2, 1,
    ]);
    expect(config.previews.reaper.dryRun).toBe(true);
  });

  it.each([
    [
      { previews: { namespacePattern: 'pr' } },
      'environments.previews.namespacePattern',
    ],
    [
      { previews: { namespacePattern: '{service}-{service}-{number}' } },
      'environments.previews.namespacePattern',
    ],
    [
      { chains: { default: [{ name: 'qa', namespace: '{service}_qa' }] } },
      'environments.chains.default.0.namespace',
    ],
    [{ previews: { ttl: 'long' } }, 'environments.previews.ttl'],
    [
      { previews: { reaper: { frequency: 'x' } } },
      'environments.previews.reaper.frequency',
    ],
    [{ gitops: { cacheTtl: 'x' } }, 'environments.gitops.cacheTtl'],
    [{ gitops: { rolloutTimeout: 'x' } }, 'environments.gitops.rolloutTimeout'],
  ])('rejects %j naming %s', (environments, key) => {
    expect(() =>
      readEnvironmentsConfig(new ConfigReader({ environments })),
    ).toThrow(`Invalid config at '${key}'`);
  });
});
