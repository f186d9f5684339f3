import type { KubernetesStandIn } from '@stageline/kubernetes-stand-in';
import {
  podObject,
  replicaSetObject,
} from '../../kubernetes/__testUtils__/workloadObjects';
import { checkoutImage } from './checkoutImage';
import type { CheckoutVersion } from './CheckoutVersion';

/**
 * Applies ReplicaSet `checkout-<revision>` of the checkout Deployment and its pods: ready and
 * reporting the version's digest, or still starting (not ready, no imageID yet).
 */
export function applyCheckoutRelease(
  standIn: KubernetesStandIn,
  options: {
    namespace: string;
    version: CheckoutVersion;
    revision: number;
    ready: boolean;
    pods?: number;
  },
): void {
  const { namespace, version, revision, ready } = options;
  const name = `checkout-${revision}`;
  standIn.apply(
    replicaSetObject({
      name,
      namespace,
      revision,
      createdAt: new Date(Date.UTC(2026, 0, revision)).toISOString(),
    }),
  );
  for (let i = 0; i < (options.pods ?? 2); i++) {
    standIn.apply(
      podObject({
        name: `${name}-${i}`,
        namespace,
        owner: { kind: 'ReplicaSet', name },
        image: checkoutImage(version),
        ready,
        imageID: ready ? `docker-pullable://${checkoutImage(version)}` : '',
        ...(!ready && { state: { waiting: { reason: 'ContainerCreating' } } }),
      }),
    );
  }
}
