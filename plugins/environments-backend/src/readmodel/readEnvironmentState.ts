import type {
  DesiredState,
  EnvironmentDefinition,
  EnvironmentError,
  EnvironmentState,
  InFlightChange,
  LiveState,
} from '@stageline/plugin-environments-common';
import type { RepositorySnapshot } from '../gitops/types';
import type { ClusterStateReader } from '../kubernetes/types';
import { computeSync } from './computeSync';
import type { EntityContext } from './EntityContext';
import { errorMessage } from './errorMessage';
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

  const [desired, live] = await Promise.all([readDesired(), readLive()]);

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

  async function readLive(): Promise<{ known: boolean; value?: LiveState }> {
    if (!cluster) {
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
    const result = await clusters.getLiveState({
      cluster,
      namespace: env.namespace,
      labelSelector: ctx.labelSelector,
      primaryImage: ctx.imageName,
    });
    if (!result.ok) {
      errors.push({ source: 'cluster', message: result.reason });
      return { known: false };
    }
    return { known: true, value: result.value };
  }

  const branch = `stageline/${ctx.service}/${env.name}`;
  return {
    ...env,
    cluster,
    desired,
    live: live.value,
    inFlight: changes.filter(c => c.branch === branch),
    sync: computeSync({
      desired,
      live: live.value,
      liveKnown: live.known,
      namespace: env.namespace,
    }),
    errors,
  };
}
