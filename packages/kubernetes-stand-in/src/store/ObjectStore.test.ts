import { ResourceRegistry } from '../resources/ResourceRegistry';
import { resourceTypes } from '../resources/resourceTypes';
import { ObjectStore } from './ObjectStore';

const registry = new ResourceRegistry(resourceTypes({ traefik: false }));
const deployments = registry.byKind('apps/v1', 'Deployment')!;
const namespaces = registry.byKind('v1', 'Namespace')!;

function deployment(name: string, spec: Record<string, unknown> = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'qa' },
    spec,
  };
}

describe('ObjectStore', () => {
  it('bumps resourceVersion, keeps uid and moves generation only with the spec', () => {
    const store = new ObjectStore();
    const a = store.put(deployments, deployment('a', { replicas: 1 }));
    const b = store.put(deployments, deployment('a', { replicas: 1 }));
    const c = store.put(deployments, deployment('a', { replicas: 2 }));
    expect(Number(b.metadata.resourceVersion)).toBe(
      Number(a.metadata.resourceVersion) + 1,
    );
    expect(b.metadata.uid).toBe(a.metadata.uid);
    expect([
      a.metadata.generation,
      b.metadata.generation,
      c.metadata.generation,
    ]).toEqual([1, 1, 2]);
  });

  it('copies input so later changes by the caller do not leak in', () => {
    const store = new ObjectStore();
    const input = deployment('a');
    store.put(deployments, input);
    input.metadata.name = 'changed';
    expect(store.get(deployments, 'qa', 'a')).toBeDefined();
  });

  it('defaults the namespace of namespaced kinds and drops it for cluster-scoped ones', () => {
    const store = new ObjectStore();
    const d = store.put(deployments, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
    });
    const ns = store.put(namespaces, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'qa', namespace: 'x' },
    });
    expect(d.metadata.namespace).toBe('default');
    expect(ns.metadata.namespace).toBeUndefined();
    expect(store.get(namespaces, 'ignored', 'qa')).toBeDefined();
  });

  it('replays events after a version and reports expired versions', () => {
    const store = new ObjectStore();
    const start = store.currentResourceVersion();
    store.put(deployments, deployment('a'));
    store.put(deployments, deployment('b'));
    store.delete(deployments, 'qa', 'a');
    expect(
      store
        .eventsAfter(deployments, start + 1)
        .map(e => [e.type, e.object.metadata.name]),
    ).toEqual([
      ['ADDED', 'b'],
      ['DELETED', 'a'],
    ]);
    expect(store.isExpired(deployments, start)).toBe(false);
    store.expire();
    expect(store.isExpired(deployments, start)).toBe(true);
    expect(store.isExpired(deployments, store.currentResourceVersion())).toBe(
      false,
    );
    expect(store.eventsAfter(deployments, start)).toEqual([]);
  });

  it('compacts history beyond its limit', () => {
    const store = new ObjectStore(2);
    const start = store.currentResourceVersion();
    ['a', 'b', 'c'].forEach(n => store.put(deployments, deployment(n)));
    expect(store.isExpired(deployments, start)).toBe(true);
    expect(store.isExpired(deployments, start + 1)).toBe(false);
    expect(store.eventsAfter(deployments, start + 1)).toHaveLength(2);
  });
});
