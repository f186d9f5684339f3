import { ConfigReader } from '@backstage/config';
import type { Config } from '@backstage/config';
import { readChainsConfig } from './readChainsConfig';

/** Chain -> the definitions of its environments. */
function definitionsOf(config: Config) {
  return new Map(
    [...readChainsConfig(config)].map(([chain, envs]) => [
      chain,
      envs.map(env => env.definition),
    ]),
  );
}

describe('readChainsConfig', () => {
  it('uses qa -> staging -> production when nothing is configured', () => {
    const chains = definitionsOf(new ConfigReader({}));
    expect(chains.get('default')?.map(e => e.name)).toEqual([
      'qa',
      'staging',
      'production',
    ]);
    expect(chains.get('default')?.find(e => e.name === 'production')).toEqual(
      expect.objectContaining({ protected: true }),
    );
  });

  it('fills namespace and overlay from the name', () => {
    const chains = definitionsOf(
      new ConfigReader({
        environments: {
          chains: {
            fast: [
              { name: 'dev', cluster: 'local' },
              { name: 'prod', namespace: 'live' },
            ],
          },
        },
      }),
    );
    expect(chains.get('fast')).toEqual([
      {
        name: 'dev',
        namespace: 'dev',
        overlay: 'dev',
        cluster: 'local',
        protected: false,
      },
      {
        name: 'prod',
        namespace: 'live',
        overlay: 'prod',
        cluster: undefined,
        protected: false,
      },
    ]);
    expect(chains.has('default')).toBe(true);
  });

  it('accepts the promotion keys, leaving them out of the definitions', () => {
    const chains = definitionsOf(
      new ConfigReader({
        environments: {
          chains: {
            default: [
              {
                name: 'prod',
                gates: { approvals: 1 },
                mode: 'commit',
                autoMerge: false,
                rolloutTimeout: '5m',
              },
            ],
          },
        },
      }),
    );
    expect(chains.get('default')).toEqual([
      {
        name: 'prod',
        namespace: 'prod',
        overlay: 'prod',
        cluster: undefined,
        protected: false,
      },
    ]);
  });

  it('names the offending key when a name is not DNS-1123', () => {
    expect(() =>
      readChainsConfig(
        new ConfigReader({
          environments: { chains: { default: [{ name: 'Staging_1' }] } },
        }),
      ),
    ).toThrow(/environments\.chains\.default\.0\.name.*DNS-1123/);
  });

  it('rejects duplicate environment names and unknown keys', () => {
    expect(() =>
      readChainsConfig(
        new ConfigReader({
          environments: {
            chains: { default: [{ name: 'qa' }, { name: 'qa' }] },
          },
        }),
      ),
    ).toThrow(/unique/);
    expect(() =>
      readChainsConfig(
        new ConfigReader({
          environments: {
            chains: { default: [{ name: 'qa', namspace: 'x' }] },
          },
        }),
      ),
    ).toThrow(/environments\.chains\.default\.0.*namspace/);
  });
});
