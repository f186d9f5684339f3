import { parseEntityRef } from '@backstage/catalog-model';
import type { FleetFilters } from './fleetFilters';

/**
 * Catalog filter fields that narrow the list to a System's or Group's components before it
 * leaves the catalog: the relation the catalog derives (`relations.partOf`, `relations.ownedBy`)
 * or the spec field as it may be written (`shop`, `system:shop`, `default/shop`, the full ref).
 * A superset: the exact match is `matchesEntity`'s. Undefined without a scope.
 */
export function scopeCatalogFilters(
  scope: FleetFilters['scope'],
): Array<Record<string, string | string[]>> | undefined {
  if (!scope) return undefined;
  const { kind, namespace, name } = parseEntityRef(scope.ref);
  const relation =
    scope.kind === 'system' ? 'relations.partOf' : 'relations.ownedBy';
  const field = scope.kind === 'system' ? 'spec.system' : 'spec.owner';
  const written = [
    `${kind}:${namespace}/${name}`,
    `${namespace}/${name}`,
    ...(namespace === 'default' ? [name, `${kind}:${name}`] : []),
  ];
  return [{ [relation]: scope.ref }, { [field]: written }];
}
