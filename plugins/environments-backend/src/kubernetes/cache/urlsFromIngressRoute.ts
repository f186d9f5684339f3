import type { IngressRouteObject } from '../objectTypes';

const HOST = /\bHost\(([^)]*)\)/g;
const PATH = /\b(?:PathPrefix|Path)\(\s*[`"']([^`"']*)[`"']/;
const SECURE_ENTRY_POINTS = ['websecure', 'https'];

/**
 * `https://host/path` for each `Host(...)` in the route matches of a Traefik IngressRoute;
 * https when the route has TLS or listens on the `websecure` entry point.
 */
export function urlsFromIngressRoute(route: IngressRouteObject): string[] {
  const secure =
    route.spec?.tls !== undefined ||
    (route.spec?.entryPoints ?? []).some(e => SECURE_ENTRY_POINTS.includes(e));
  const scheme = secure ? 'https' : 'http';
  const urls: string[] = [];
  for (const { match } of route.spec?.routes ?? []) {
    if (!match) continue;
    const path = PATH.exec(match)?.[1] || '/';
    for (const host of hostsIn(match)) {
      urls.push(
        `${scheme}://${host}${path.startsWith('/') ? path : `/${path}`}`,
      );
    }
  }
  return [...new Set(urls)];
}

// Traefik v2 allows several hosts in one Host(): Host(`a`, `b`).
function hostsIn(match: string): string[] {
  return [...match.matchAll(HOST)].flatMap(m =>
    m[1]
      .split(',')
      .map(h => h.trim().replace(/^[`"']|[`"']$/g, ''))
      .filter(h => h && !h.includes('*')),
  );
}
