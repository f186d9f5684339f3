import { EnvironmentLayout, IngressSettings } from './layoutTypes';
import { KubernetesObject } from './types';

/**
 * A Traefik IngressRoute on the configured entry point, with TLS from the configured cert
 * resolver. The host is a validated DNS name, so the `Host(...)` rule cannot carry anything else.
 */
export function buildIngressRoute(
  service: string,
  env: EnvironmentLayout,
  ingress: IngressSettings,
): KubernetesObject {
  return {
    apiVersion: 'traefik.io/v1alpha1',
    kind: 'IngressRoute',
    metadata: { name: service },
    spec: {
      entryPoints: [ingress.entryPoint],
      routes: [
        {
          match: `Host(\`${env.host}\`)`,
          kind: 'Rule',
          services: [{ name: service, port: 80 }],
        },
      ],
      tls: { certResolver: ingress.certResolver },
    },
  };
}
