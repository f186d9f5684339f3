import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { ClusterStateReader } from '../kubernetes/types';
import type { EntityContext } from '../catalog/EntityContext';
import { forService } from '../catalog/forService';
import { findPreviews } from './findPreviews';
import { previewClusters } from './previewClusters';
import { previewNumberOf } from './previewNumberOf';
import type { PreviewCandidate, PreviewLifecycleConfig } from './types';

/**
 * The service's preview `namespace` on every cluster of its chain that holds it.
 *
 * @throws InputError for a name that is not a preview namespace; NotFoundError when no
 *   cluster holds it with the service's workloads; ServiceUnavailableError when a cluster
 *   cannot tell.
 */
export async function locatePreview(
  reader: ClusterStateReader,
  config: PreviewLifecycleConfig,
  ctx: EntityContext,
  namespace: string,
): Promise<PreviewCandidate[]> {
  const namespacePattern = forService(config.namespacePattern, ctx.service);
  if (previewNumberOf(namespace, namespacePattern) === undefined) {
    throw new InputError(
      `'${namespace}' is not a preview namespace: it must be a DNS-1123 label matching '${namespacePattern}'`,
    );
  }
  const { clusters } = previewClusters(
    (config.chains.get(ctx.chain) ?? []).map(env => env.definition),
    reader,
  );
  const found: PreviewCandidate[] = [];
  const problems: string[] = [];
  for (const cluster of clusters) {
    const result = await findPreviews({
      clusters: reader,
      ctx,
      cluster,
      namespacePattern,
      name: namespace,
    });
    if (!result.ok) problems.push(result.reason);
    else {
      found.push(...result.candidates);
      problems.push(...result.unreadable.map(u => u.reason));
    }
  }
  if (problems.length > 0) {
    throw new ServiceUnavailableError(
      `Cannot tell where preview '${namespace}' of ${
        ctx.entityRef
      } lives: ${problems.join('; ')}`,
    );
  }
  if (found.length === 0) {
    const where = clusters.length
      ? `cluster(s) ${clusters.join(', ')}`
      : 'any configured cluster';
    throw new NotFoundError(
      `${ctx.entityRef} has no preview '${namespace}': no namespace of that name holds its workloads on ${where}`,
    );
  }
  return found;
}
