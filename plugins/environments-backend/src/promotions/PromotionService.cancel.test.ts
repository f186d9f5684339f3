import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { aNewPromotion } from './store/__testUtils__/aNewPromotion';
import { storeTestDatabases } from '../database/__testUtils__/storeTestDatabases';
import {
  ALICE,
  aliceRequests,
  BOB,
  CHECKOUT,
  promotionWorld,
} from './__testUtils__/promotionWorld';

jest.setTimeout(60_000);
const databases = storeTestDatabases();

const READ = 'environments.read';
const PROMOTE = 'environments.promote';
/** May promote, but not into protected environments. */
const DAVE = mockCredentials.user('user:default/dave');
/** May read checkout's environments, nothing more. */
const RITA = mockCredentials.user('user:default/rita');
/** Holds no environments.* permission on checkout. */
const MALLORY = mockCredentials.user('user:default/mallory');

/** Per-user grants, changeable during a test; users not listed hold every permission. */
async function world() {
  const w = await promotionWorld(databases, 'SQLITE_3');
  const grants = new Map<string, string[]>([
    ['user:default/dave', [READ, PROMOTE]],
    ['user:default/rita', [READ]],
    ['user:default/mallory', []],
  ]);
  jest.mocked(w.permissions.authorize).mockImplementation((async (
    requests: Array<{ permission: { name: string } }>,
    options: { credentials: BackstageCredentials },
  ) => {
    const user = (options.credentials.principal as { userEntityRef: string })
      .userEntityRef;
    const granted = grants.get(user);
    return requests.map(r => ({
      result:
        !granted || granted.includes(r.permission.name)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
    }));
  }) as any);
  // Production: protected, two approvals; Alice requests it.
  const { promotion } = await aliceRequests(w, 'production');
  return { ...w, grants, promotion };
}

type World = Awaited<ReturnType<typeof world>>;

async function trail(w: World) {
  const detail = await w.service.get(w.promotion.id, { credentials: BOB });
  return detail.events.map(e => [e.action, e.actor, e.result]);
}

describe('PromotionService.cancel: the requester, or someone allowed to promote into the target', () => {
  it('lets the requester cancel, even without environments.promote, and records them', async () => {
    const w = await world();
    w.grants.set('user:default/alice', [READ]);

    const cancelled = await w.service.cancel(w.promotion.id, {
      credentials: ALICE,
    });

    expect(cancelled).toMatchObject({
      state: 'cancelled',
      requestedBy: 'user:default/alice',
      cancelledBy: 'user:default/alice',
    });
    expect(cancelled.waitingFor).toBeUndefined();
    await expect(w.store.get(w.promotion.id)).resolves.toMatchObject({
      cancelledBy: 'user:default/alice',
    });
  });

  it('lets someone allowed to promote into a protected target cancel another’s promotion, returning who did', async () => {
    const w = await world();

    const cancelled = await w.service.cancel(w.promotion.id, {
      credentials: BOB,
    });

    expect(cancelled).toMatchObject({
      state: 'cancelled',
      stateReason: 'Cancelled by user:default/bob',
      requestedBy: 'user:default/alice',
      cancelledBy: 'user:default/bob',
    });
    expect((await trail(w)).at(-1)).toEqual([
      'promotion.cancelled',
      'user:default/bob',
      'failed',
    ]);
  });

  it('refuses a promoter without environments.promote.protected on a protected target, audited, but not on another', async () => {
    const w = await world();

    await expect(
      w.service.cancel(w.promotion.id, { credentials: DAVE }),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringMatching(
        /^Only user:default\/alice, who requested promotion .*, or someone allowed to promote into production may cancel it/,
      ),
    });
    await expect(w.store.get(w.promotion.id)).resolves.toMatchObject({
      state: 'awaiting-approval',
    });
    expect(await trail(w)).toContainEqual([
      'promotion.cancel',
      'user:default/dave',
      'refused',
    ]);

    const { promotion: staging } = await w.store.create(
      aNewPromotion({ entityRef: CHECKOUT, target: 'staging' }),
    );
    await expect(
      w.service.cancel(staging.id, { credentials: DAVE }),
    ).resolves.toMatchObject({
      state: 'cancelled',
      cancelledBy: 'user:default/dave',
    });
  });

  it('refuses everyone else: audited for a reader, logged and counted for an outsider', async () => {
    const w = await world();

    for (const credentials of [RITA, MALLORY]) {
      await expect(
        w.service.cancel(w.promotion.id, { credentials }),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
    }

    await expect(w.store.get(w.promotion.id)).resolves.toMatchObject({
      state: 'awaiting-approval',
    });
    expect(await trail(w)).toEqual([
      ['promotion.request', 'user:default/alice', 'succeeded'],
      ['promotion.cancel', 'user:default/rita', 'refused'],
    ]);
    expect(w.service.outsiderRefusals).toBe(1);
  });
});
