import { parseLabelSelector } from '@stageline/plugin-environments-common';
import type { ResourceType } from '../resources/ResourceType';
import { parseFieldSelector } from './parseFieldSelector';
import { parseResourceVersion } from './parseResourceVersion';
import type { ResourceQuery } from './ResourceQuery';
import type { ResourcePath } from './ResourcePath';

/**
 * Reads the query string of a resource request.
 *
 * @throws Error on an invalid selector, resourceVersion or timeout.
 */
export function buildResourceQuery(
  type: ResourceType,
  path: ResourcePath,
  params: URLSearchParams,
): ResourceQuery {
  const watch = ['true', '1'].includes(params.get('watch') ?? '');
  const fieldSelector = parseFieldSelector(params.get('fieldSelector') ?? '');
  // A watch on an object path watches that one object.
  const fields =
    watch && path.name
      ? (o: Parameters<typeof fieldSelector>[0]) =>
          o.metadata.name === path.name && fieldSelector(o)
      : fieldSelector;
  const timeout = params.get('timeoutSeconds');
  if (timeout !== null && !/^\d+$/.test(timeout)) {
    throw new Error(`invalid timeoutSeconds '${timeout}'`);
  }
  const resourceVersion = params.get('resourceVersion') ?? undefined;
  parseResourceVersion(resourceVersion);
  return {
    type,
    namespace: path.namespace,
    name: path.name,
    labels: parseLabelSelector(params.get('labelSelector') ?? ''),
    fields,
    watch,
    resourceVersion,
    allowWatchBookmarks: params.get('allowWatchBookmarks') === 'true',
    timeoutSeconds: timeout === null ? undefined : Number(timeout),
  };
}
