import type { HttpErrorLike } from './isHttpError';

type ErrorBody = {
  message?: unknown;
  errors?: Array<{ message?: unknown; code?: unknown }>;
};

/** GitHub's own explanation of a failed call (`message` and `errors[].message`), capped. */
export function githubMessage(error: HttpErrorLike): string {
  const data = (error.response as { data?: ErrorBody } | undefined)?.data;
  if (!data || typeof data !== 'object') return '';
  const parts = [
    typeof data.message === 'string' ? data.message : '',
    ...(Array.isArray(data.errors)
      ? data.errors.map(e => (typeof e.message === 'string' ? e.message : ''))
      : []),
  ].filter(Boolean);
  return parts.join('; ').replace(/\s+/g, ' ').slice(0, 300);
}
