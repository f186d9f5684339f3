import type { ResourceRegistry } from '../resources/ResourceRegistry';
import type { StandInObject } from '../StandInObject';
import type { ObjectStore } from './ObjectStore';

/**
 * What the namespace controller does once a namespace is deleted, at once: removes every object
 * in it, then the namespace itself, each with a DELETED event. Returns the namespace as the
 * API server answers the DELETE (Terminating, with a deletion timestamp).
 */
export function purgeNamespace(
  store: ObjectStore,
  registry: ResourceRegistry,
  namespace: StandInObject,
): StandInObject {
  const name = namespace.metadata.name;
  for (const type of registry.types.filter(t => t.namespaced)) {
    store
      .list(type)
      .filter(o => o.metadata.namespace === name)
      .forEach(o => store.delete(type, name, o.metadata.name));
  }
  const namespaceType = registry.byKind('v1', 'Namespace');
  const removed = namespaceType
    ? store.delete(namespaceType, undefined, name)
    : undefined;
  return {
    ...(removed ?? namespace),
    metadata: {
      ...(removed ?? namespace).metadata,
      deletionTimestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Terminating' },
  };
}
