import type { KubernetesObject } from '@kubernetes/client-node';
import type { IngressRouteObject } from '../../objectTypes';
import { projectMeta } from './projectMeta';

type RawIngressRoute = KubernetesObject & {
  spec?: { entryPoints?: unknown; routes?: unknown; tls?: unknown };
};

/** Entry points, route matches and whether TLS is on, of a Traefik IngressRoute. */
export function projectIngressRoute(
  route: RawIngressRoute,
): IngressRouteObject {
  const spec = route.spec ?? {};
  const routes = Array.isArray(spec.routes) ? spec.routes : [];
  const entryPoints = Array.isArray(spec.entryPoints) ? spec.entryPoints : [];
  return {
    metadata: projectMeta(route.metadata),
    spec: {
      entryPoints: entryPoints.filter(
        (e): e is string => typeof e === 'string',
      ),
      routes: routes.map(r => ({
        match: typeof r?.match === 'string' ? r.match : undefined,
      })),
      ...(typeof spec.tls === 'object' && spec.tls !== null ? { tls: {} } : {}),
    },
  };
}
