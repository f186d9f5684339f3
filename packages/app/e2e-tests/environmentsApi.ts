import { BACKEND_URL } from './BACKEND_URL';
import { testUserToken } from './testUserToken';

/**
 * Calls the environments backend as a catalog user (`/api/environments` + `path`) and returns
 * the JSON answer; a non-2xx answer throws with its status and body.
 */
export async function environmentsApi<T>(
  user: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${BACKEND_URL}/api/environments${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${await testUserToken(user)}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) {
    throw new Error(`${res.status} from ${path} as ${user}: ${text}`);
  }
  return JSON.parse(text) as T;
}
