import { testUserToken } from './testUserToken';

const DEADLINE_MS = 240_000;

/** Polls `ready` each second until it resolves true, or fails naming `what` at the deadline. */
async function waitUntil(
  what: string,
  deadline: number,
  ready: () => Promise<boolean>,
): Promise<void> {
  while (Date.now() < deadline) {
    if (await ready().catch(() => false)) return;
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(`${what} within ${DEADLINE_MS / 1000} s`);
}

// Playwright waits for its own servers to answer, but an answering backend may not have read the
// example catalog yet: the first test would then find no user to sign in as. An app at
// PLAYWRIGHT_URL may still be starting too. So wait for both (bounded).
export default async function waitForApp(): Promise<void> {
  const url = process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000';
  const deadline = Date.now() + DEADLINE_MS;
  await waitUntil(
    `The app did not answer at ${url}`,
    deadline,
    async () => (await fetch(url)).ok,
  );
  await waitUntil(
    'The catalog did not hold the example users',
    deadline,
    async () => !!(await testUserToken('guest')),
  );
}
