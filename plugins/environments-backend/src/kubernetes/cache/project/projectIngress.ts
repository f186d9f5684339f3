import type { V1Ingress } from '@kubernetes/client-node';
import type { IngressObject } from '../../objectTypes';
import { projectMeta } from './projectMeta';

/** Hosts, paths and TLS hosts of an Ingress. */
export function projectIngress(ingress: V1Ingress): IngressObject {
  return {
    metadata: projectMeta(ingress.metadata),
    spec: {
      rules: (ingress.spec?.rules ?? []).map(r => ({
        host: r.host,
        http: { paths: (r.http?.paths ?? []).map(p => ({ path: p.path })) },
      })),
      tls: (ingress.spec?.tls ?? []).map(t => ({ hosts: t.hosts })),
    },
  };
}
