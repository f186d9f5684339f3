import type { ResourcePath } from './ResourcePath';

/**
 * Splits a resource URL path; undefined when it is not shaped like one (subresources such as
 * `/status` or `/log` are not served).
 */
export function parseResourcePath(pathname: string): ResourcePath | undefined {
  const segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (segments[0] === 'api' && segments.length >= 3) {
    [group, version, rest] = ['', segments[1], segments.slice(2)];
  } else if (segments[0] === 'apis' && segments.length >= 4) {
    [group, version, rest] = [segments[1], segments[2], segments.slice(3)];
  } else {
    return undefined;
  }
  if (rest[0] === 'namespaces' && rest.length >= 3 && rest.length <= 4) {
    return {
      group,
      version,
      namespace: rest[1],
      plural: rest[2],
      name: rest[3],
    };
  }
  if (rest.length <= 2)
    return { group, version, plural: rest[0], name: rest[1] };
  return undefined;
}
