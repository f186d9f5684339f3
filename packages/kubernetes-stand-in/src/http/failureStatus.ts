import type { ResourceType } from '../resources/ResourceType';
import { statusBody } from './statusBody';

/** The Status body the API server would send for an injected 401, 403 or other failure. */
export function failureStatus(
  status: number,
  request: { type?: ResourceType; namespace?: string; verb: string },
): Record<string, unknown> {
  if (status === 401) return statusBody(401, 'Unauthorized');
  if (status === 403 && request.type) {
    const { plural, group } = request.type;
    const scope = request.namespace
      ? `in the namespace "${request.namespace}"`
      : 'at the cluster scope';
    return statusBody(
      403,
      `${plural}${
        group ? `.${group}` : ''
      } is forbidden: User "system:serviceaccount:stageline:reader" cannot ${
        request.verb
      } resource "${plural}" in API group "${group}" ${scope}`,
      { group, kind: plural },
    );
  }
  if (status === 403) return statusBody(403, 'forbidden');
  return statusBody(
    status,
    'Internal error occurred: failure injected by the stand-in',
  );
}
