import type { RouteResult } from './StandInRoute';

/** GitHub's 404 answer. */
export function notFound(message = 'Not Found'): RouteResult {
  return {
    status: 404,
    body: {
      message,
      documentation_url: 'https://docs.github.com/rest',
      status: '404',
    },
  };
}
