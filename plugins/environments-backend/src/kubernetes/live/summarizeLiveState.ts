import type {
  HealthStatus,
  LiveState,
  WorkloadState,
} from '@stageline/plugin-environments-common';
import type {
  DeploymentObject,
  PodObject,
  ReplicaSetObject,
  StatefulSetObject,
} from '../objectTypes';
import { latestTime } from './latestTime';
import { parseImage } from './parseImage';
import { summarizeDeployment } from './summarizeDeployment';
import { summarizeStatefulSet } from './summarizeStatefulSet';

const SEVERITY: Record<HealthStatus, number> = {
  healthy: 0,
  unknown: 1,
  missing: 2,
  progressing: 3,
  degraded: 4,
};

/**
 * What runs for a service in one namespace, from its Deployments and StatefulSets (and the
 * ReplicaSets and pods they own). Image, digests, replicas, rollout and `since` come from the
 * primary workload, the one running `primaryImage`, else the first; health is the worst of all,
 * and `healthySince` the latest of all (when every workload's is known).
 * Undefined when the service has no workload there. Copies only the fields LiveState names.
 */
export function summarizeLiveState(input: {
  cluster: string;
  namespace: string;
  deployments: DeploymentObject[];
  statefulSets: StatefulSetObject[];
  replicaSets: ReplicaSetObject[];
  pods: PodObject[];
  primaryImage?: string;
}): LiveState | undefined {
  const workloads = [
    ...byName(input.deployments).map(d => summarizeDeployment(d, input)),
    ...byName(input.statefulSets).map(s => summarizeStatefulSet(s, input)),
  ];
  if (workloads.length === 0) return undefined;
  const primary = pickPrimary(workloads, input.primaryImage);
  const health = workloads.reduce<HealthStatus>(
    (worst, w) => (SEVERITY[w.health] > SEVERITY[worst] ? w.health : worst),
    'healthy',
  );
  const healthySince = healthySinceOf(workloads, health);
  return {
    cluster: input.cluster,
    namespace: input.namespace,
    workloads,
    ...(primary.image && { image: primary.image }),
    digests: primary.digests,
    replicas: primary.replicas,
    rollout: primary.rollout,
    restarts: workloads.reduce((sum, w) => sum + w.restarts, 0),
    ...(primary.since && { since: primary.since }),
    ...(healthySince && { healthySince }),
    health,
    reasons: reasonsOf(workloads),
  };
}

function byName<T extends { metadata: { name: string } }>(objects: T[]): T[] {
  return [...objects].sort((a, b) =>
    a.metadata.name.localeCompare(b.metadata.name),
  );
}

function pickPrimary(
  workloads: WorkloadState[],
  primaryImage?: string,
): WorkloadState {
  const wanted = primaryImage && parseImage(primaryImage)?.name;
  return (
    (wanted && workloads.find(w => w.image?.name === wanted)) || workloads[0]
  );
}

// Healthy overall only since the last workload became healthy; unknown if any is unknown.
function healthySinceOf(
  workloads: WorkloadState[],
  health: HealthStatus,
): string | undefined {
  if (health !== 'healthy' || workloads.some(w => !w.healthySince)) {
    return undefined;
  }
  return latestTime(workloads.map(w => w.healthySince));
}

// With several workloads a reason must say which one it is about.
function reasonsOf(workloads: WorkloadState[]): string[] {
  if (workloads.length === 1) return workloads[0].reasons;
  return workloads.flatMap(w =>
    w.reasons.map(r => `${w.kind} ${w.name}: ${r}`),
  );
}
