import type { EnvironmentDefinition } from '@stageline/plugin-environments-common';
import type { Environment } from '../config/Environment';
import { agentQueryFor } from './agentQueryFor';

const qa: EnvironmentDefinition = {
  name: 'qa',
  namespace: 'checkout-qa',
  overlay: 'qa',
  protected: false,
};
const noAgents = { argoCd: {}, refresh: false };
const configured = (agent?: Environment['agent']) =>
  ({ definition: qa, agent } as Environment);

describe('agentQueryFor', () => {
  it('matches by the repository, overlay folder and namespace on the environment’s cluster', () => {
    expect(
      agentQueryFor({
        env: qa,
        configured: configured(),
        agents: noAgents,
        cluster: 'local',
        overlayPath: 'k8s/overlays/qa',
        repository: {
          type: 'github',
          host: 'github.com',
          owner: 'acme',
          repo: 'gitops',
        },
      }),
    ).toEqual({
      cluster: 'local',
      match: {
        repositories: ['github.com/acme/gitops'],
        path: 'k8s/overlays/qa',
        namespace: 'checkout-qa',
      },
      argoCdUiBaseUrl: undefined,
    });
  });

  it('looks on the Argo CD cluster, or the one the environment’s agent names, with its UI', () => {
    const input = {
      env: qa,
      agents: {
        argoCd: { cluster: 'mgmt', uiBaseUrl: 'https://argocd.example.com' },
        refresh: false,
      },
      cluster: 'local',
      overlayPath: 'apps/checkout/overlays/qa',
      repository: { type: 'git' as const, url: '/srv/git/gitops.git' },
    };
    expect(agentQueryFor({ ...input, configured: configured() })).toMatchObject(
      {
        cluster: 'mgmt',
        match: { repositories: ['/srv/git/gitops.git'] },
        argoCdUiBaseUrl: 'https://argocd.example.com',
      },
    );
    expect(
      agentQueryFor({
        ...input,
        configured: configured({
          kind: 'flux',
          name: 'checkout-qa',
          namespace: 'flux-system',
          cluster: 'edge',
        }),
      }),
    ).toMatchObject({
      cluster: 'edge',
      named: { kind: 'flux', name: 'checkout-qa', namespace: 'flux-system' },
    });
    // A Kustomization config names without a cluster is beside the workloads, not with Argo CD.
    expect(
      agentQueryFor({
        ...input,
        configured: configured({
          kind: 'flux',
          name: 'checkout-qa',
          namespace: 'flux-system',
        }),
      }),
    ).toMatchObject({ cluster: 'local' });
  });

  it('looks nowhere without a cluster', () => {
    expect(
      agentQueryFor({
        env: qa,
        configured: configured(),
        agents: noAgents,
        cluster: undefined,
        overlayPath: 'k8s/overlays/qa',
        repository: undefined,
      }),
    ).toBeUndefined();
  });
});
