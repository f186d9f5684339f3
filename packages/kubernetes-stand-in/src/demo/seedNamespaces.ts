import type { KubernetesStandIn } from '../KubernetesStandIn';
import type { DemoRollouts } from './DemoRollouts';

const ENVIRONMENTS = ['qa', 'staging', 'production'];
// Two open pull requests of checkout, each with its preview namespace.
const PREVIEWS = [41, 42];

/**
 * Creates the environment namespaces and the preview namespaces `checkout-pr-<n>`, each preview
 * running checkout built from its pull request (tag `pr-<n>`).
 */
export function seedNamespaces(
  cluster: Pick<KubernetesStandIn, 'apply'>,
  rollouts: Pick<DemoRollouts, 'deploy'>,
): void {
  for (const name of ENVIRONMENTS) {
    cluster.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
  for (const number of PREVIEWS) {
    const namespace = `checkout-pr-${number}`;
    cluster.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: namespace, labels: { 'stageline.io/preview': 'true' } },
    });
    rollouts.deploy({
      service: 'checkout',
      namespace,
      image: {
        name: 'registry.example.com/shop/checkout',
        tag: `pr-${number}`,
      },
      replicas: 1,
    });
  }
}
