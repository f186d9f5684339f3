import type { KubernetesStandIn } from '@stageline/kubernetes-stand-in';

/** Deletes ReplicaSet `checkout-<revision>` and its pods, as the Deployment controller does. */
export function removeCheckoutRelease(
  standIn: KubernetesStandIn,
  options: { namespace: string; revision: number; pods?: number },
): void {
  const name = `checkout-${options.revision}`;
  standIn.remove('apps/v1', 'ReplicaSet', options.namespace, name);
  for (let i = 0; i < (options.pods ?? 2); i++) {
    standIn.remove('v1', 'Pod', options.namespace, `${name}-${i}`);
  }
}
