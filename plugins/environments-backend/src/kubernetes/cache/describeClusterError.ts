import { STATUS_CODES } from 'node:http';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * A human reason for a failed list or watch, naming the cluster and what was being read. Built
 * from the status code or network error code only: client-node's messages embed response
 * bodies and headers, which are not ours to show.
 */
export function describeClusterError(
  cluster: string,
  action: string,
  error: unknown,
): string {
  const e = (error ?? {}) as {
    code?: unknown;
    statusCode?: unknown;
    message?: unknown;
    errno?: unknown;
  };
  const status = typeof e.code === 'number' ? e.code : e.statusCode;
  if (typeof status === 'number') {
    const text = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
    if (status === 401) {
      return `cluster '${cluster}' rejected the credentials: ${text} ${action}`;
    }
    if (status === 403) {
      return `cluster '${cluster}' refused the service account: ${text} ${action}`;
    }
    return `cluster '${cluster}' answered ${text} ${action}`;
  }
  const message = typeof e.message === 'string' ? e.message : String(error);
  if (e.code === 'ERR_STREAM_PREMATURE_CLOSE') {
    return `cluster '${cluster}' closed the connection ${action}`;
  }
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) {
    return `cluster '${cluster}' is unreachable: ${networkReason(
      message,
      e.code,
    )}`;
  }
  return `cluster '${cluster}' failed ${action}: ${firstLine(message)}`;
}

// node-fetch says "request to <url> failed, reason: connect ECONNREFUSED 127.0.0.1:1234".
function networkReason(message: string, code: string): string {
  const reason = /reason: (.*)$/m.exec(message)?.[1];
  return firstLine(
    reason ?? (message.includes(code) ? message : `${code} ${message}`),
  );
}

function firstLine(text: string): string {
  const line = text.split('\n')[0].trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
