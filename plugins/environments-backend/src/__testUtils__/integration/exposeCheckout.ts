import type { KubernetesStandIn } from '@stageline/kubernetes-stand-in';
import { ID_LABEL } from '../../kubernetes/__testUtils__/workloadObjects';

/**
 * Publishes checkout at `https://<host>/` in `namespace`: an Ingress with TLS for the host, or a
 * Traefik IngressRoute on the `websecure` entry point (the stand-in needs its CRD installed).
 */
export function exposeCheckout(
  standIn: KubernetesStandIn,
  options: {
    namespace: string;
    host: string;
    kind: 'Ingress' | 'IngressRoute';
  },
): void {
  const metadata = {
    name: 'checkout',
    namespace: options.namespace,
    labels: { [ID_LABEL]: 'checkout' },
  };
  if (options.kind === 'Ingress') {
    standIn.apply({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata,
      spec: {
        tls: [{ hosts: [options.host], secretName: 'checkout-tls' }],
        rules: [
          {
            host: options.host,
            http: { paths: [{ path: '/', pathType: 'Prefix' }] },
          },
        ],
      },
    });
    return;
  }
  standIn.apply({
    apiVersion: 'traefik.io/v1alpha1',
    kind: 'IngressRoute',
    metadata,
    spec: {
      entryPoints: ['websecure'],
      routes: [{ match: `Host(\`${options.host}\`)`, kind: 'Rule' }],
    },
  });
}
