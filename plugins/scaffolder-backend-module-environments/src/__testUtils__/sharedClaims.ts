import { KubernetesObject } from '../manifests/types';

/**
 * The objects that more than one render claims, as `Kind namespace/name` (cluster-scoped objects
 * have no namespace) with the claimants: what two GitOps applications would fight over, or one
 * prune would delete from under the other.
 */
export function sharedClaims(
  renders: Record<string, KubernetesObject[]>,
): Record<string, string[]> {
  const claimants = new Map<string, string[]>();
  for (const [source, objects] of Object.entries(renders)) {
    for (const object of objects) {
      const key = `${object.kind} ${object.metadata?.namespace ?? ''}/${
        object.metadata?.name
      }`;
      claimants.set(key, [...(claimants.get(key) ?? []), source]);
    }
  }
  return Object.fromEntries(
    [...claimants].filter(([, sources]) => sources.length > 1),
  );
}
