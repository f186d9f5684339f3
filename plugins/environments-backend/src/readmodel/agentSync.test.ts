import type {
  EnvironmentState,
  GitOpsAgentStatus,
} from '@stageline/plugin-environments-common';
import { agentSync } from './agentSync';

const HEAD = 'c'.repeat(40);
const desired: EnvironmentState['desired'] = {
  path: 'k8s/overlays/qa/kustomization.yaml',
  image: { name: 'registry.example.com/shop/checkout', tag: 'v3' },
  revision: HEAD,
  changedAt: '2026-12-01T10:00:00Z',
};
const agent = (over: Partial<GitOpsAgentStatus>): GitOpsAgentStatus => ({
  kind: 'argo-cd',
  name: 'checkout-qa',
  namespace: 'argocd',
  cluster: 'local',
  sync: 'synced',
  ...over,
});
const drifted = { status: 'drifted' as const, reason: 'runs v2' };
const inSync = { status: 'in-sync' as const, reason: 'runs v3' };

describe('agentSync', () => {
  it('keeps the verdict without an agent or when the cluster is unknown', () => {
    expect(agentSync(drifted, undefined, desired)).toBe(drifted);
    const unknown = { status: 'unknown' as const, reason: 'unreachable' };
    expect(agentSync(unknown, agent({ sync: 'sync-failed' }), desired)).toBe(
      unknown,
    );
  });

  it("is sync failed with the agent's message while Git and the cluster differ", () => {
    expect(
      agentSync(
        drifted,
        agent({
          sync: 'sync-failed',
          lastSyncError: 'admission webhook denied',
          operation: { phase: 'Failed', finishedAt: '2026-12-01T10:01:00Z' },
        }),
        desired,
      ),
    ).toEqual({
      status: 'sync-failed',
      reason:
        'Argo CD Application argocd/checkout-qa failed to sync: admission webhook denied',
      since: '2026-12-01T10:01:00Z',
    });
  });

  it("is waiting for sync while the agent has not applied Git's revision", () => {
    expect(
      agentSync(
        drifted,
        agent({ sync: 'out-of-sync', appliedRevision: 'b'.repeat(40) }),
        desired,
      ),
    ).toEqual({
      status: 'waiting-for-sync',
      reason:
        'Git declares v3; Argo CD Application argocd/checkout-qa has not applied it yet',
      since: '2026-12-01T10:00:00Z',
    });
    expect(
      agentSync(drifted, agent({ sync: 'syncing' }), desired).reason,
    ).toContain('is applying it');
  });

  it('is drift when the agent applied Git and still reports out of sync', () => {
    expect(
      agentSync(
        inSync,
        agent({ sync: 'out-of-sync', appliedRevision: HEAD.slice(0, 7) }),
        desired,
      ),
    ).toMatchObject({ status: 'drifted' });
  });

  it('keeps drift the images show once the agent says it applied Git', () => {
    expect(
      agentSync(
        drifted,
        agent({ sync: 'synced', appliedRevision: HEAD }),
        desired,
      ),
    ).toBe(drifted);
  });
});
