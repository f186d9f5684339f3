import type { KubernetesStandIn } from '@stageline/kubernetes-stand-in';
import { applyCheckoutDeployment } from './applyCheckoutDeployment';
import { applyCheckoutRelease } from './applyCheckoutRelease';
import type { CheckoutVersion } from './CheckoutVersion';

/** A namespace running checkout `version`, rolled out and healthy (ReplicaSet revision 1). */
export function runCheckout(
  standIn: KubernetesStandIn,
  namespace: string,
  version: CheckoutVersion,
): void {
  standIn.apply({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: namespace },
  });
  applyCheckoutDeployment(standIn, { namespace, version });
  applyCheckoutRelease(standIn, {
    namespace,
    version,
    revision: 1,
    ready: true,
  });
}
