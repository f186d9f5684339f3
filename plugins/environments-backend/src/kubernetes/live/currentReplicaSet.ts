import type { ReplicaSetObject } from '../objectTypes';

const REVISION = 'deployment.kubernetes.io/revision';

/**
 * The ReplicaSet of the Deployment's current pod template: the highest revision, as the
 * Deployment controller numbers them; the newest when revisions are missing.
 */
export function currentReplicaSet(
  replicaSets: ReplicaSetObject[],
): ReplicaSetObject | undefined {
  let best: ReplicaSetObject | undefined;
  for (const rs of replicaSets) {
    if (!best || compare(rs, best) > 0) best = rs;
  }
  return best;
}

function compare(a: ReplicaSetObject, b: ReplicaSetObject): number {
  const revision = revisionOf(a) - revisionOf(b);
  if (revision !== 0) return revision;
  return (a.metadata.creationTimestamp ?? '').localeCompare(
    b.metadata.creationTimestamp ?? '',
  );
}

function revisionOf(rs: ReplicaSetObject): number {
  const value = Number(rs.metadata.annotations?.[REVISION]);
  return Number.isFinite(value) ? value : 0;
}
