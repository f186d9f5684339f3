import { ServiceUnavailableError } from '@backstage/errors';
import type { ClusterStateReader } from '../kubernetes/types';
import { normalizeSelector } from '../ownership/normalizeSelector';
import type { EntityContext } from '../catalog/EntityContext';
import type { PreviewCandidate } from './types';

/**
 * The other services whose workloads a located preview namespace holds. Every service's label
 * selector is read against it, as the reaper reads each service's previews, but whatever that
 * service's chain or preview pattern: a namespace named for one service may still hold
 * another's workloads. Services with `ctx`'s selector claim the same workloads, not others';
 * a selector that selects everything or does not parse tells nothing and is left out, as the
 * reaper leaves such services out.
 *
 * @throws ServiceUnavailableError when a service's workloads in it cannot be read: then
 *   nobody can tell whose namespace it is.
 */
export async function findCoHolders(input: {
  reader: ClusterStateReader;
  services: EntityContext[];
  ctx: EntityContext;
  found: PreviewCandidate[];
}): Promise<EntityContext[]> {
  const { reader, ctx, found } = input;
  const own = normalizeSelector(ctx.labelSelector);
  const self = ctx.entityRef.toLocaleLowerCase('en-US');
  const others = input.services.filter(other => {
    const selector = normalizeSelector(other.labelSelector);
    return (
      other.entityRef.toLocaleLowerCase('en-US') !== self &&
      selector !== undefined &&
      selector !== '' &&
      selector !== own
    );
  });
  const holders = new Map<string, EntityContext>();
  for (const { cluster, namespace } of found) {
    for (const other of others) {
      const live = await reader.getLiveState({
        cluster,
        namespace: namespace.name,
        labelSelector: other.labelSelector,
        primaryImage: other.imageName,
      });
      if (!live.ok) {
        throw new ServiceUnavailableError(
          `Cannot tell whether namespace '${namespace.name}' on cluster '${cluster}' also holds the workloads of ${other.entityRef}: ${live.reason}`,
        );
      }
      if (live.value) holders.set(other.entityRef, other);
    }
  }
  return [...holders.values()];
}
