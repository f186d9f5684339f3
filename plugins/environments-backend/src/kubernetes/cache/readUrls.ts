import type { LabelRequirement } from '@stageline/plugin-environments-common';
import type { ClusterIndexes } from './ClusterIndexes';
import { urlsFromIngress } from './urlsFromIngress';
import { urlsFromIngressRoute } from './urlsFromIngressRoute';

/** Public URLs of the service's Ingresses, then its Traefik IngressRoutes, by name; no repeats. */
export function readUrls(input: {
  namespace: string;
  indexes: ClusterIndexes;
  requirements: LabelRequirement[];
}): string[] {
  const { indexes, namespace, requirements } = input;
  const urls = [
    ...byName(indexes.ingresses.select(namespace, requirements)).flatMap(
      urlsFromIngress,
    ),
    ...byName(indexes.ingressroutes.select(namespace, requirements)).flatMap(
      urlsFromIngressRoute,
    ),
  ];
  return [...new Set(urls)];
}

function byName<T extends { metadata: { name: string } }>(objects: T[]): T[] {
  return [...objects].sort((a, b) =>
    a.metadata.name.localeCompare(b.metadata.name),
  );
}
