import { NotAllowedError, ServiceUnavailableError } from '@backstage/errors';
import { describeClusterError } from '../cache/describeClusterError';
import type { NamespaceDeleteOutcome } from '../types';

/**
 * What a failed namespace delete means. 404: it is gone. 409: either the UID precondition failed
 * (the namespace was recreated) or it is already Terminating; the Status message tells which.
 *
 * @throws NotAllowedError on 403 (the service account may not delete namespaces),
 *   ServiceUnavailableError on 401 and everything else; messages never carry response bodies.
 */
export function namespaceDeleteOutcome(
  cluster: string,
  name: string,
  error: unknown,
): NamespaceDeleteOutcome {
  const status = (error as { code?: unknown } | undefined)?.code;
  if (status === 404) return 'gone';
  if (status === 409) {
    return statusMessage(error).includes('Precondition failed')
      ? 'recreated'
      : 'terminating';
  }
  const reason = describeClusterError(
    cluster,
    `deleting namespace '${name}'`,
    error,
  );
  if (status === 403) {
    throw new NotAllowedError(
      `${reason}; its service account needs the 'delete' verb on 'namespaces'`,
    );
  }
  throw new ServiceUnavailableError(reason);
}

// client-node keeps the Status body of unexpected codes as text or as parsed JSON.
function statusMessage(error: unknown): string {
  let body = (error as { body?: unknown }).body;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      return body as string;
    }
  }
  const message = (body as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : '';
}
