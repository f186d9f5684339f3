import { EnvironmentLayout, IngressSettings } from './layoutTypes';
import { KubernetesObject } from './types';

/**
 * A networking.k8s.io/v1 Ingress for the environment's host, with TLS. Without a class name the
 * cluster's default IngressClass serves it.
 */
export function buildIngress(
  service: string,
  env: EnvironmentLayout,
  ingress: IngressSettings,
): KubernetesObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: service },
    spec: {
      ...(ingress.className && { ingressClassName: ingress.className }),
      tls: [{ hosts: [env.host], secretName: `${service}-tls` }],
      rules: [
        {
          host: env.host,
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name: service, port: { number: 80 } } },
              },
            ],
          },
        },
      ],
    },
  };
}
