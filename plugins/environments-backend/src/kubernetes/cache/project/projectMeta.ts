import type { V1ObjectMeta } from '@kubernetes/client-node';
import type { ObjectMeta } from '../../objectTypes';
import { toKubernetesTime } from './toKubernetesTime';

/** The metadata the cache keeps; annotations only where `keepAnnotation` says so. */
export function projectMeta(
  meta: V1ObjectMeta | undefined,
  keepAnnotation: (key: string) => boolean = () => false,
): ObjectMeta {
  const annotations = Object.entries(meta?.annotations ?? {}).filter(([key]) =>
    keepAnnotation(key),
  );
  const owners = meta?.ownerReferences ?? [];
  const creationTimestamp = toKubernetesTime(meta?.creationTimestamp);
  return {
    name: meta?.name ?? '',
    ...(meta?.namespace && { namespace: meta.namespace }),
    ...(meta?.uid && { uid: meta.uid }),
    ...(meta?.resourceVersion && { resourceVersion: meta.resourceVersion }),
    ...(meta?.generation !== undefined && { generation: meta.generation }),
    ...(creationTimestamp && { creationTimestamp }),
    ...(meta?.labels && { labels: { ...meta.labels } }),
    ...(annotations.length > 0 && {
      annotations: Object.fromEntries(annotations),
    }),
    ...(owners.length > 0 && {
      ownerReferences: owners.map(o => ({
        kind: o.kind,
        name: o.name,
        ...(o.controller !== undefined && { controller: o.controller }),
      })),
    }),
  };
}
