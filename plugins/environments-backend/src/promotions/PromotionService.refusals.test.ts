import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { storeTestDatabases } from '../database/__testUtils__/storeTestDatabases';
import { approverView } from './__testUtils__/approverView';
import {
  ALICE,
  BOB,
  CHECKOUT,
  promotionWorld,
  REF,
} from './__testUtils__/promotionWorld';

jest.setTimeout(60_000);
const databases = storeTestDatabases();

/** Holds no environments.* permission on checkout. */
const MALLORY = mockCredentials.user('user:default/mallory');
/** May read checkout's environments, nothing more. */
const RITA = mockCredentials.user('user:default/rita');

/** Per-user grants: Mallory nothing, Rita read only, everyone else everything. */
async function world() {
  const w = await promotionWorld(databases, 'SQLITE_3');
  const allowed = (user: string | undefined, permission: string) => {
    if (user === 'user:default/mallory') return false;
    if (user === 'user:default/rita') return permission === 'environments.read';
    return true;
  };
  jest.mocked(w.permissions.authorize).mockImplementation((async (
    requests: Array<{ permission: { name: string } }>,
    options: { credentials: BackstageCredentials },
  ) => {
    const principal = options.credentials.principal as {
      userEntityRef?: string;
    };
    return requests.map(r => ({
      result: allowed(principal.userEntityRef, r.permission.name)
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
    }));
  }) as any);
  return w;
}

/** Production awaiting approval, approved once by Bob. */
async function approvedOnce(w: Awaited<ReturnType<typeof world>>) {
  const { promotion } = await w.service.request(
    REF,
    { target: 'production', reason: 'release 42' },
    { credentials: ALICE },
  );
  await w.service.decide(
    promotion.id,
    { decision: 'approve', ...(await approverView(w, promotion.id)) },
    { credentials: BOB },
  );
  return promotion.id;
}

async function attempt(
  w: Awaited<ReturnType<typeof world>>,
  id: string,
  credentials: BackstageCredentials,
  times: number,
) {
  const seen = await approverView(w, id);
  for (let i = 0; i < times; i++) {
    const error = await w.service
      .decide(id, { decision: 'approve', ...seen }, { credentials })
      .catch(e => e);
    expect(error.name).toBe('NotAllowedError');
  }
}

describe('PromotionService refusals', () => {
  it('logs and counts 55 refused attempts of a caller without any environments permission, keeping them out of the trail', async () => {
    const w = await world();
    const id = await approvedOnce(w);

    await attempt(w, id, MALLORY, 55);

    const detail = await w.service.get(id, { credentials: ALICE });
    expect(detail.events.map(e => [e.action, e.actor, e.result])).toEqual([
      ['promotion.request', 'user:default/alice', 'succeeded'],
      ['promotion.approve', 'user:default/bob', 'succeeded'],
    ]);
    expect(detail.olderEventsCursor).toBeUndefined();
    expect(detail.approvals).toEqual([
      expect.objectContaining({ user: 'user:default/bob', valid: true }),
    ]);
    expect(w.service.outsiderRefusals).toBe(55);
    const warnings = jest
      .mocked(w.deps.logger.warn)
      .mock.calls.filter(
        ([, meta]) =>
          meta !== undefined &&
          'actor' in meta &&
          meta.actor === 'user:default/mallory',
      );
    expect(warnings).toHaveLength(55);
    expect(warnings[0]).toEqual([
      'Refused an attempt by a caller who holds no environments permission on the entity',
      expect.objectContaining({
        promotionId: id,
        action: 'promotion.approve',
        entityRef: CHECKOUT,
      }),
    ]);
  });

  it("keeps an outsider's refused requests out of the entity's trail too", async () => {
    const w = await world();

    for (let i = 0; i < 3; i++) {
      await expect(
        w.service.request(REF, { target: 'staging' }, { credentials: MALLORY }),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
    }

    expect(await w.store.listAudit({ entityRef: CHECKOUT })).toEqual([]);
    expect(w.service.outsiderRefusals).toBe(3);
    expect(jest.mocked(w.deps.logger.warn)).toHaveBeenCalledWith(
      expect.stringContaining('no environments permission'),
      expect.objectContaining({
        actor: 'user:default/mallory',
        entityRef: CHECKOUT,
      }),
    );
  });

  it('audits refusals of a caller who may read, as before, and serves the whole trail in pages', async () => {
    const w = await world();
    const id = await approvedOnce(w);

    await attempt(w, id, RITA, 55);

    expect(w.service.outsiderRefusals).toBe(0);
    const detail = await w.service.get(id, { credentials: ALICE });
    expect(detail.events).toHaveLength(50);
    expect(
      detail.events.every(
        e => e.actor === 'user:default/rita' && e.result === 'refused',
      ),
    ).toBe(true);
    expect(detail.olderEventsCursor).toEqual(expect.any(String));

    const older = await w.service.events(
      id,
      { before: detail.olderEventsCursor, limit: 50 },
      { credentials: ALICE },
    );
    expect(older.events.map(e => e.action).slice(0, 3)).toEqual([
      'promotion.request',
      'promotion.approve',
      'promotion.approve',
    ]);
    expect(older.events.map(e => e.actor).slice(0, 2)).toEqual([
      'user:default/alice',
      'user:default/bob',
    ]);
    expect(older.events).toHaveLength(7);
    expect(older.olderEventsCursor).toBeUndefined();
  });

  it('serves the pages only to callers who may read the entity', async () => {
    const w = await world();
    const id = await approvedOnce(w);

    await expect(
      w.service.events(id, {}, { credentials: MALLORY }),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
    await expect(
      w.service.events('no-such-promotion', {}, { credentials: ALICE }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});
