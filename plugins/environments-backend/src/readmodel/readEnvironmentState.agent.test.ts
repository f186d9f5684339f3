import type {
  EnvironmentDefinition,
  GitOpsAgentStatus,
} from '@stageline/plugin-environments-common';
import { FakeClusterStateReader } from '../kubernetes/__testUtils__/FakeClusterStateReader';
import { liveState } from '../kubernetes/__testUtils__/liveState';
import type { AgentQuery } from '../kubernetes/AgentQuery';
import type { ClusterReadResult } from '../kubernetes/types';
import { readEnvironmentState } from './readEnvironmentState';
import { checkoutContext } from './__testUtils__/checkoutContext';

const ctx = checkoutContext;
const qa: EnvironmentDefinition = {
  name: 'qa',
  namespace: 'qa',
  overlay: 'qa',
  protected: false,
};
const agent: GitOpsAgentStatus = {
  kind: 'argo-cd',
  name: 'checkout-qa',
  namespace: 'argocd',
  cluster: 'mgmt',
  sync: 'synced',
  health: 'Healthy',
};

/** The fake cluster, with agents answered per agent cluster. */
class ClustersWithAgents extends FakeClusterStateReader {
  readonly agentQueries: AgentQuery[] = [];
  readonly agents = new Map<
    string,
    ClusterReadResult<GitOpsAgentStatus | undefined>
  >();

  async getAgentStatus(
    query: AgentQuery,
  ): Promise<ClusterReadResult<GitOpsAgentStatus | undefined>> {
    this.agentQueries.push(query);
    return this.agents.get(query.cluster) ?? { ok: true, value: undefined };
  }
}

function read(
  clusters: ClustersWithAgents,
  cluster: string,
  liveWithheld?: string,
) {
  return readEnvironmentState({
    ctx,
    env: qa,
    snapshot: undefined,
    repoError: 'no repository in this test',
    changes: [],
    clusters,
    liveWithheld,
    agentQuery: {
      cluster,
      match: {
        repositories: ['github.com/acme/gitops'],
        path: 'k8s/overlays/qa',
        namespace: 'qa',
      },
    },
  });
}

describe('readEnvironmentState: the GitOps agent', () => {
  it('shows the agent of the agent cluster', async () => {
    const clusters = new ClustersWithAgents();
    clusters.live.set('qa', liveState({ namespace: 'qa' }));
    clusters.agents.set('mgmt', { ok: true, value: agent });
    const state = await read(clusters, 'mgmt');
    expect(state.agent).toEqual(agent);
    expect(state.errors.filter(e => e.message.includes('agent'))).toEqual([]);
  });

  it('says why an unreadable agent cluster leaves the agent unknown', async () => {
    const clusters = new ClustersWithAgents();
    clusters.live.set('qa', liveState({ namespace: 'qa' }));
    clusters.agents.set('mgmt', {
      ok: false,
      reason: "unknown cluster 'mgmt'; configured clusters: 'local'",
    });
    const state = await read(clusters, 'mgmt');
    expect(state.agent).toBeUndefined();
    expect(state.errors).toContainEqual({
      source: 'cluster',
      message:
        "GitOps agent unknown: unknown cluster 'mgmt'; configured clusters: 'local'",
    });
  });

  it('reports an unreachable workload cluster once, not again for its agent', async () => {
    const clusters = new ClustersWithAgents();
    clusters.unavailable.set('local', "cluster 'local' cannot be reached");
    clusters.agents.set('local', {
      ok: false,
      reason: "cluster 'local' cannot be reached",
    });
    const state = await read(clusters, 'local');
    expect(state.errors.map(e => e.message)).toEqual([
      'no repository in this test',
      "cluster 'local' cannot be reached",
    ]);
  });

  it('does not read the agent while the cluster is withheld', async () => {
    const clusters = new ClustersWithAgents();
    await read(clusters, 'local', 'Not read: ownership unconfirmed');
    expect(clusters.agentQueries).toEqual([]);
  });
});
