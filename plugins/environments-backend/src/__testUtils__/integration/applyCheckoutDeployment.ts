import type { KubernetesStandIn } from '@stageline/kubernetes-stand-in';
import { deploymentObject } from '../../kubernetes/__testUtils__/workloadObjects';
import { checkoutImage } from './checkoutImage';
import type { CheckoutVersion } from './CheckoutVersion';

/**
 * Applies the checkout Deployment (2 replicas) running `version`, with `updated` replicas of it
 * so far; fewer than 2 means the rollout is still progressing.
 */
export function applyCheckoutDeployment(
  standIn: KubernetesStandIn,
  options: { namespace: string; version: CheckoutVersion; updated?: number },
): void {
  standIn.apply(
    deploymentObject({
      namespace: options.namespace,
      image: checkoutImage(options.version),
      replicas: 2,
      updated: options.updated ?? 2,
      ready: 2,
      available: 2,
    }),
  );
}
