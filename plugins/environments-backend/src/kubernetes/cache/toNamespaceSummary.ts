import type { NamespaceObject } from '../objectTypes';
import type { NamespaceSummary } from '../types';

/** A cached Namespace as the read model sees it. */
export function toNamespaceSummary(
  namespace: NamespaceObject,
): NamespaceSummary {
  const { name, uid, creationTimestamp, labels, annotations } =
    namespace.metadata;
  return {
    name,
    ...(uid && { uid }),
    terminating: namespace.status?.phase === 'Terminating',
    ...(creationTimestamp && { createdAt: creationTimestamp }),
    labels: { ...labels },
    annotations: { ...annotations },
  };
}
