import type { IngressObject } from '../objectTypes';

// Paths that are plain prefixes; regex paths (nginx rewrite targets) say nothing to a person.
const PLAIN_PATH = /^\/[A-Za-z0-9._~\/-]*$/;

/** `https://host/path` for each ruled host of an Ingress; http when the host has no TLS. */
export function urlsFromIngress(ingress: IngressObject): string[] {
  const tlsHosts = new Set(
    (ingress.spec?.tls ?? []).flatMap(t => t.hosts ?? []),
  );
  const urls: string[] = [];
  for (const rule of ingress.spec?.rules ?? []) {
    const host = rule.host;
    if (!host || host.includes('*')) continue;
    const scheme = tlsHosts.has(host) ? 'https' : 'http';
    const paths = (rule.http?.paths ?? []).map(p => p.path ?? '/');
    for (const path of paths.length > 0 ? paths : ['/']) {
      urls.push(`${scheme}://${host}${PLAIN_PATH.test(path) ? path : '/'}`);
    }
  }
  return [...new Set(urls)];
}
