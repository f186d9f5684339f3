import { BACKEND_URL } from './BACKEND_URL';

/**
 * A Backstage token for a catalog user, from the `testUsers` auth provider that only
 * app-config.e2e.yaml enables: how the tests act as people other than the browser's guest.
 */
export async function testUserToken(user: string): Promise<string> {
  const res = await fetch(`${BACKEND_URL}/api/auth/testUsers/refresh`, {
    headers: { 'x-stageline-test-user': user },
  });
  if (!res.ok) {
    throw new Error(
      `Sign-in as ${user} failed: ${res.status} ${await res.text()}`,
    );
  }
  const body = (await res.json()) as { backstageIdentity: { token: string } };
  return body.backstageIdentity.token;
}
