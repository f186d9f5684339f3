import type { ClusterStateReader } from '../kubernetes/types';
import type { EntityContext } from '../catalog/EntityContext';
import { findPreviews } from './findPreviews';
import { previewClusters } from './previewClusters';
import type {
  PreviewCandidate,
  PreviewLifecycleConfig,
  ReapReport,
} from './types';

/** A preview namespace with every service whose workloads it holds. */
export type GatheredPreview = {
  holders: Array<{ ctx: EntityContext; candidate: PreviewCandidate }>;
};

/**
 * Every preview namespace of every service, on each service's clusters, keyed by
 * `cluster/namespace` so that a namespace holding several services' workloads is seen as shared.
 */
export async function gatherPreviews(input: {
  services: EntityContext[];
  clusters: ClusterStateReader;
  config: PreviewLifecycleConfig;
}): Promise<{
  previews: Map<string, GatheredPreview>;
  errors: ReapReport['errors'];
}> {
  const previews = new Map<string, GatheredPreview>();
  const errors: ReapReport['errors'] = [];
  // Namespaces some service could not inspect: another service's claim on them is not enough.
  const unreadable = new Set<string>();
  for (const ctx of input.services) {
    const chain = (input.config.chains.get(ctx.chain) ?? []).map(
      env => env.definition,
    );
    const { clusters, unknown } = previewClusters(chain, input.clusters);
    for (const cluster of unknown) {
      errors.push({
        entityRef: ctx.entityRef,
        cluster,
        message: `cluster '${cluster}' of chain '${ctx.chain}' is not configured; its namespaces are not touched`,
      });
    }
    for (const cluster of clusters) {
      const found = await findPreviews({
        clusters: input.clusters,
        ctx,
        cluster,
        namespacePattern: input.config.namespacePattern,
      });
      if (!found.ok) {
        errors.push({
          entityRef: ctx.entityRef,
          cluster,
          message: found.reason,
        });
        continue;
      }
      for (const { namespace, reason } of found.unreadable) {
        unreadable.add(`${cluster}/${namespace}`);
        errors.push({
          entityRef: ctx.entityRef,
          cluster,
          message: `namespace '${namespace}' is not touched: its workloads could not be read: ${reason}`,
        });
      }
      for (const candidate of found.candidates) {
        const key = `${cluster}/${candidate.namespace.name}`;
        const entry = previews.get(key) ?? { holders: [] };
        entry.holders.push({ ctx, candidate });
        previews.set(key, entry);
      }
    }
  }
  unreadable.forEach(key => previews.delete(key));
  return { previews, errors };
}
