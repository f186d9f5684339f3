import { ConfigReader } from '@backstage/config';
import { readChainsConfig } from './readChainsConfig';
import { readGitopsAgentsConfig } from './readGitopsAgentsConfig';

describe('readGitopsAgentsConfig', () => {
  it('has no agent cluster, no UI link and no nudge by default', () => {
    expect(readGitopsAgentsConfig(new ConfigReader({}))).toEqual({
      argoCd: { cluster: undefined, uiBaseUrl: undefined },
      refresh: false,
    });
  });

  it('reads every key, without a trailing slash on the UI URL', () => {
    const config = new ConfigReader({
      environments: {
        gitopsAgents: {
          argoCd: { cluster: 'mgmt', uiBaseUrl: 'https://argocd.example.com/' },
          refresh: true,
        },
      },
    });
    expect(readGitopsAgentsConfig(config)).toEqual({
      argoCd: { cluster: 'mgmt', uiBaseUrl: 'https://argocd.example.com' },
      refresh: true,
    });
  });

  it.each([
    [{ refresh: 'yes' }, 'environments.gitopsAgents.refresh'],
    [
      { argoCd: { uiBaseUrl: 'ftp://argocd.example.com' } },
      'environments.gitopsAgents.argoCd.uiBaseUrl',
    ],
    [{ argocd: {} }, 'environments.gitopsAgents'],
  ])('rejects %j naming the key', (gitopsAgents, key) => {
    expect(() =>
      readGitopsAgentsConfig(
        new ConfigReader({ environments: { gitopsAgents } }),
      ),
    ).toThrow(`Invalid config at '${key}'`);
  });
});

describe("an environment's agent in environments.chains", () => {
  const chains = (agent: object) =>
    new ConfigReader({
      environments: { chains: { default: [{ name: 'qa', agent }] } },
    });

  it('is kept on the environment', () => {
    const agent = {
      kind: 'argo-cd',
      name: 'checkout-qa',
      namespace: 'argocd',
      cluster: 'mgmt',
      refresh: true,
    };
    expect(readChainsConfig(chains(agent)).get('default')![0].agent).toEqual(
      agent,
    );
  });

  it.each([
    [{ kind: 'jenkins', name: 'a', namespace: 'b' }, 'agent.kind'],
    [
      { kind: 'flux', name: 'a', namespace: 'Not A Namespace' },
      'agent.namespace',
    ],
    [{ kind: 'flux', namespace: 'b' }, 'agent.name'],
    [{ kind: 'flux', name: 'a', namespace: 'b', extra: 1 }, 'agent'],
  ])('rejects %j naming the key', (agent, key) => {
    expect(() => readChainsConfig(chains(agent))).toThrow(
      `Invalid config at 'environments.chains.default.0.${key}'`,
    );
  });
});
