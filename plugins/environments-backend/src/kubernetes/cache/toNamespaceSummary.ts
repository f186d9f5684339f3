import type { NamespaceObject } from '../objectTypes';
import type { NamespaceSummary } from '../types';

/** A cached Namespace as the read model sees it. */
export function toNamespaceSummary(
  namespace: NamespaceObject,
): NamespaceSummary {
  const { name, creationTimestamp, labels, annotations } = namespace.metadata;
  return {
    name,
    ...(creationTimestamp && { createdAt: creationTimestamp }),
    labels: { ...labels },
    annotations: { ...annotations },
  };
}
