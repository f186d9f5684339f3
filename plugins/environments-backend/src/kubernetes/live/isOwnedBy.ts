import type { ObjectMeta } from '../objectTypes';

/** Whether an object's controlling owner (or its only owner) is `kind`/`name` in its namespace. */
export function isOwnedBy(
  object: { metadata: ObjectMeta },
  kind: string,
  names: ReadonlySet<string> | string,
): boolean {
  const owners = object.metadata.ownerReferences ?? [];
  const owner = owners.find(o => o.controller) ?? owners[0];
  if (!owner || owner.kind !== kind) return false;
  return typeof names === 'string'
    ? owner.name === names
    : names.has(owner.name);
}
