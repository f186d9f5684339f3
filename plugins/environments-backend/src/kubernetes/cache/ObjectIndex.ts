import type { LabelRequirement } from '@stageline/plugin-environments-common';
import { matchesLabelRequirements } from '@stageline/plugin-environments-common';
import type { ObjectMeta } from '../objectTypes';

const ID_LABEL = 'backstage.io/kubernetes-id';

type Bucket<T> = Map<string, Map<string, T>>;

/**
 * Objects of one kind on one cluster, indexed by namespace, by `backstage.io/kubernetes-id`
 * value and by controlling owner, so reading one service costs what the service holds, not what
 * the cluster holds.
 */
export class ObjectIndex<T extends { metadata: ObjectMeta }> {
  private readonly byKey = new Map<string, T>();
  private readonly byNamespace: Bucket<T> = new Map();
  private readonly byId: Bucket<T> = new Map();
  private readonly byOwner: Bucket<T> = new Map();

  get size(): number {
    return this.byKey.size;
  }

  upsert(object: T): void {
    const { namespace = '', name } = object.metadata;
    this.remove(namespace, name);
    const key = `${namespace}/${name}`;
    this.byKey.set(key, object);
    add(this.byNamespace, namespace, key, object);
    for (const bucket of secondaryKeys(object)) {
      add(
        bucket.startsWith('id:') ? this.byId : this.byOwner,
        bucket,
        key,
        object,
      );
    }
  }

  remove(namespace: string | undefined, name: string): void {
    const key = `${namespace ?? ''}/${name}`;
    const old = this.byKey.get(key);
    if (!old) return;
    this.byKey.delete(key);
    drop(this.byNamespace, namespace ?? '', key);
    for (const bucket of secondaryKeys(old)) {
      drop(bucket.startsWith('id:') ? this.byId : this.byOwner, bucket, key);
    }
  }

  all(): T[] {
    return [...this.byKey.values()];
  }

  inNamespace(namespace: string): T[] {
    return [...(this.byNamespace.get(namespace)?.values() ?? [])];
  }

  /** Objects whose controlling owner is `kind`/`name` in the namespace. */
  ownedBy(namespace: string, kind: string, name: string): T[] {
    return [
      ...(this.byOwner.get(`owner:${namespace}/${kind}/${name}`)?.values() ??
        []),
    ];
  }

  /** Objects of the namespace matching a parsed label selector. */
  select(namespace: string, requirements: LabelRequirement[]): T[] {
    const ids = requirements.find(
      r => r.key === ID_LABEL && r.operator === 'in',
    );
    const candidates = ids
      ? ids.values.flatMap(id => [
          ...(this.byId.get(`id:${namespace}/${id}`)?.values() ?? []),
        ])
      : this.inNamespace(namespace);
    return candidates.filter(o =>
      matchesLabelRequirements(requirements, o.metadata.labels),
    );
  }
}

function secondaryKeys(object: { metadata: ObjectMeta }): string[] {
  const { namespace = '', labels, ownerReferences = [] } = object.metadata;
  const keys: string[] = [];
  const id = labels?.[ID_LABEL];
  if (id !== undefined) keys.push(`id:${namespace}/${id}`);
  const owner = ownerReferences.find(o => o.controller) ?? ownerReferences[0];
  if (owner) keys.push(`owner:${namespace}/${owner.kind}/${owner.name}`);
  return keys;
}

function add<T>(
  bucket: Bucket<T>,
  key: string,
  objectKey: string,
  object: T,
): void {
  let entries = bucket.get(key);
  if (!entries) {
    entries = new Map();
    bucket.set(key, entries);
  }
  entries.set(objectKey, object);
}

function drop<T>(bucket: Bucket<T>, key: string, objectKey: string): void {
  const entries = bucket.get(key);
  if (!entries) return;
  entries.delete(objectKey);
  if (entries.size === 0) bucket.delete(key);
}
