import type { PodObject, StatefulSetObject } from '../objectTypes';

const REVISION_LABEL = 'controller-revision-hash';

/** When the StatefulSet's current revision started: the earliest start of its pods at it. */
export function statefulSetSince(
  statefulSet: StatefulSetObject,
  pods: PodObject[],
): string | undefined {
  const revision = statefulSet.status?.updateRevision;
  const current = revision
    ? pods.filter(p => p.metadata.labels?.[REVISION_LABEL] === revision)
    : pods;
  const starts = current
    .map(p => p.status?.startTime)
    .filter((t): t is string => Boolean(t))
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  return starts[0];
}
