import { STATUS_CODES } from 'node:http';

const REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  410: 'Expired',
  500: 'InternalError',
  503: 'ServiceUnavailable',
};

/** A `Status` object as the API server returns it with every error. */
export function statusBody(
  code: number,
  message: string,
  details?: Record<string, unknown>,
): Record<string, unknown> {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason:
      REASONS[code] ?? (STATUS_CODES[code] ?? 'Unknown').replace(/\s/g, ''),
    ...(details && { details }),
    code,
  };
}
