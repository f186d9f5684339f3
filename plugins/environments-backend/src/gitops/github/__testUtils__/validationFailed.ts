import type { RouteResult } from './StandInRoute';

/** GitHub's 422 answer, with the detail GitHub puts in `errors` when given. */
export function validationFailed(
  message: string,
  errors?: Array<{
    resource?: string;
    field?: string;
    code: string;
    message?: string;
  }>,
): RouteResult {
  return {
    status: 422,
    body: {
      message,
      ...(errors && { errors }),
      documentation_url: 'https://docs.github.com/rest',
      status: '422',
    },
  };
}
