import type { NamespaceSummary } from '../types';
import type { ClusterIndexes } from './ClusterIndexes';
import { toNamespaceSummary } from './toNamespaceSummary';

/** Namespaces whose name matches `pattern`, sorted by name. */
export function readNamespaces(
  indexes: ClusterIndexes,
  pattern: RegExp,
): NamespaceSummary[] {
  return indexes.namespaces
    .all()
    .filter(ns => {
      pattern.lastIndex = 0; // a /g or /y pattern would otherwise skip matches
      return pattern.test(ns.metadata.name);
    })
    .map(toNamespaceSummary)
    .sort((a, b) => a.name.localeCompare(b.name));
}
