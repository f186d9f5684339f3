import { promotionBranch } from '@stageline/plugin-environments-common';
import type {
  DesiredState,
  EnvironmentDefinition,
  EnvironmentError,
  EnvironmentState,
  GitOpsAgentStatus,
  InFlightChange,
  LiveState,
} from '@stageline/plugin-environments-common';
import type { AgentQuery } from '../kubernetes/AgentQuery';
import { agentSync } from './agentSync';
import type { LinkTemplate } from '../config/Environment';
import type { RepositorySnapshot } from '../gitops/types';
import type { ClusterStateReader } from '../kubernetes/types';
import { computeSync } from './computeSync';
import type { EntityContext } from '../catalog/EntityContext';
import { environmentLinks } from './environmentLinks';
import { errorMessage } from '../errors/errorMessage';
import { readDesiredState } from './readDesiredState';

/** Everything one environment needs, read in parallel; failures become per-environment errors. */
export async function readEnvironmentState(input: {
  ctx: EntityContext;
  env: EnvironmentDefinition;
  snapshot: RepositorySnapshot | undefined;
  repoError: string | undefined;
  changes: InFlightChange[];
  changesError?: string;
  clusters: ClusterStateReader;
  /** Why the cluster is not read for this entity (its ownership is not confirmed). */
  liveWithheld?: string;
  /** `environments.links`: URL templates filled per environment. */
  links?: LinkTemplate[];
  /** Where its GitOps agent is looked for; absent: not looked for. */
  agentQuery?: AgentQuery;
}): Promise<EnvironmentState> {
  const { ctx, env, snapshot, repoError, changes, changesError, clusters } =
    input;
  const errors: EnvironmentError[] = [];
  if (changesError) {
    errors.push({
      source: 'git',
      message: `Open promotion pull requests are unknown: ${changesError}`,
    });
  }
  const cluster = env.cluster ?? clusters.defaultClusterName();

  const query = cluster
    ? {
        cluster,
        namespace: env.namespace,
        labelSelector: ctx.labelSelector,
        primaryImage: ctx.imageName,
      }
    : undefined;

  const [desired, live, urls, agent] = await Promise.all([
    readDesired(),
    readLive(),
    readUrls(),
    readAgent(),
  ]);

  async function readDesired(): Promise<DesiredState | undefined> {
    if (!snapshot) {
      errors.push({
        source: 'git',
        message: repoError ?? 'No GitOps repository',
      });
      return undefined;
    }
    try {
      return await readDesiredState(
        snapshot,
        `${ctx.overlaysPath}/${env.overlay}`,
        ctx.imageName,
      );
    } catch (error) {
      errors.push({ source: 'git', message: errorMessage(error) });
      return undefined;
    }
  }

  async function readLive(): Promise<{
    known: boolean;
    value?: LiveState;
    asOf?: string;
  }> {
    if (!query) {
      errors.push({
        source: 'cluster',
        message: `No cluster is configured for environment '${env.name}' (set kubernetes.clusterLocatorMethods or environments.clusters)`,
      });
      return { known: false };
    }
    if (input.liveWithheld) {
      errors.push({ source: 'cluster', message: input.liveWithheld });
      return { known: false };
    }
    const result = await clusters.getLiveState(query);
    if (!result.ok) {
      errors.push({ source: 'cluster', message: result.reason });
      // During an outage the last known state is shown, with its age, never as current.
      return {
        known: false,
        value: result.lastKnown?.value,
        asOf: result.lastKnown?.asOf,
      };
    }
    return { known: true, value: result.value };
  }

  // From the same watch cache as the live state. An unreadable cluster is already reported by
  // readLive, and gates treat every cluster error as a live-state problem: no second error here.
  async function readUrls(): Promise<string[] | undefined> {
    if (!query || input.liveWithheld) return undefined;
    const result = await clusters.getUrls(query);
    return result.ok ? result.value : undefined;
  }

  async function readAgent(): Promise<{
    value?: GitOpsAgentStatus;
    problem?: string;
  }> {
    const agentQuery = input.agentQuery;
    if (!agentQuery || input.liveWithheld || !clusters.getAgentStatus) {
      return {};
    }
    const result = await clusters.getAgentStatus(agentQuery);
    if (result.ok) return { value: result.value };
    return { value: result.lastKnown?.value, problem: result.reason };
  }

  // An unreadable workload cluster is already reported by readLive: say it once.
  if (agent.problem && (input.agentQuery?.cluster !== cluster || live.known)) {
    errors.push({
      source: 'cluster',
      message: `GitOps agent unknown: ${agent.problem}`,
    });
  }

  const links = environmentLinks(input.links ?? [], {
    service: ctx.service,
    environment: env.name,
    namespace: env.namespace,
    cluster,
  });

  const branch = promotionBranch(ctx.service, env.name);
  return {
    ...env,
    cluster,
    desired,
    live: live.value,
    ...(live.asOf && { liveAsOf: live.asOf }),
    ...(urls && { urls }),
    ...(agent.value && { agent: agent.value }),
    ...(links.length > 0 && { links }),
    inFlight: changes.filter(c => c.branch === branch),
    sync: agentSync(
      computeSync({
        desired,
        live: live.value,
        liveKnown: live.known,
        liveAsOf: live.asOf,
        namespace: env.namespace,
      }),
      agent.value,
      desired,
    ),
    errors,
  };
}
