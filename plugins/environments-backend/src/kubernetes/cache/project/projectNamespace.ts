import type { V1Namespace } from '@kubernetes/client-node';
import type { NamespaceObject } from '../../objectTypes';
import { projectMeta } from './projectMeta';

// May hold a whole manifest, secrets included; never worth showing.
const DROPPED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * Name, UID, creation, labels, annotations (less the last-applied manifest) and phase of a
 * Namespace.
 */
export function projectNamespace(namespace: V1Namespace): NamespaceObject {
  const phase = namespace.status?.phase;
  return {
    metadata: projectMeta(namespace.metadata, key => key !== DROPPED),
    ...(phase && { status: { phase } }),
  };
}
