import type { TestDatabaseId } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { PromotionState } from '@stageline/plugin-environments-common';
import { aDigest } from './__testUtils__/aDigest';
import { aNewPromotion } from './__testUtils__/aNewPromotion';
import { requiredTestDatabaseIds } from '../../database/__testUtils__/requiredTestDatabaseIds';
import { openTestStore } from './__testUtils__/openTestStore';
import { rejectionOf } from './__testUtils__/rejectionOf';
import { steppingClock } from '../../database/__testUtils__/steppingClock';
import { storeTestDatabases } from '../../database/__testUtils__/storeTestDatabases';

jest.setTimeout(60_000);

describe('DatabasePromotionStore', () => {
  const databases = storeTestDatabases();

  it('runs on every configured database, PostgreSQL included', () => {
    expect(databases.eachSupportedId().flat()).toEqual(
      expect.arrayContaining(requiredTestDatabaseIds()),
    );
  });

  async function setUp(databaseId: TestDatabaseId) {
    const clock = steppingClock();
    const opened = await openTestStore(databases, databaseId, clock);
    return { ...opened, clock };
  }

  describe('create and read', () => {
    it.each(databases.eachSupportedId())(
      'stores a promotion as requested, on %p',
      async id => {
        const { store, clock } = await setUp(id);
        const input = aNewPromotion({ idempotencyKey: 'k-1' });

        const { promotion, created } = await store.create(input);

        expect(created).toBe(true);
        expect(promotion).toEqual({
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          entityRef: input.entityRef,
          kind: input.kind,
          source: input.source,
          target: input.target,
          version: input.version,
          requestedBy: input.requestedBy,
          reason: input.reason,
          state: input.state,
          mode: input.mode,
          autoMerge: false,
          approvalsRequired: input.approvalsRequired,
          approvals: [],
          links: {},
          createdAt: clock.now().toISOString(),
          updatedAt: clock.now().toISOString(),
        });
        await expect(store.get(promotion.id)).resolves.toEqual(promotion);
        await expect(store.findInFlight(input.targetFolder)).resolves.toEqual(
          promotion,
        );
        await expect(store.get('no-such-id')).resolves.toBeUndefined();
        // Auto-merge is the promotion's record, read back as written.
        const merged = await store.create(
          aNewPromotion({ target: 'production', autoMerge: true }),
        );
        await expect(store.get(merged.promotion.id)).resolves.toMatchObject({
          autoMerge: true,
        });
      },
    );

    it.each(databases.eachSupportedId())(
      'lists an entity newest first, on %p',
      async id => {
        const { store, clock } = await setUp(id);
        const first = await store.create(aNewPromotion({ target: 'staging' }));
        clock.advance(1000);
        const second = await store.create(
          aNewPromotion({ target: 'production' }),
        );
        await store.create(
          aNewPromotion({ entityRef: 'component:default/cart' }),
        );

        const listed = await store.listByEntity('component:default/checkout');

        expect(listed.map(p => p.id)).toEqual([
          second.promotion.id,
          first.promotion.id,
        ]);
        const inFlight = await store.listInFlight();
        expect(inFlight.map(p => p.id)).toContain(first.promotion.id);
        expect(inFlight[0].id).toBe(first.promotion.id);
        const checkout = await store.listInFlight('component:default/checkout');
        expect(checkout.map(p => p.id)).toEqual([
          first.promotion.id,
          second.promotion.id,
        ]);
      },
    );

    it.each(databases.eachSupportedId())(
      'limits lists to 50 by default and 200 at most, on %p',
      async id => {
        const { store, knex } = await setUp(id);
        const created = await store.create(aNewPromotion());
        const row = await knex('promotions')
          .where({ id: created.promotion.id })
          .first();
        const copies = Array.from({ length: 210 }, (_, i) => ({
          ...row,
          id: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
          state: 'failed',
          in_flight_key: null,
        }));
        await knex.batchInsert('promotions', copies, 50);

        const entityRef = 'component:default/checkout';
        await expect(store.listByEntity(entityRef)).resolves.toHaveLength(50);
        await expect(
          store.listByEntity(entityRef, { limit: 3 }),
        ).resolves.toHaveLength(3);
        await expect(
          store.listByEntity(entityRef, { limit: 1000 }),
        ).resolves.toHaveLength(200);
        await expect(
          store.listByEntity(entityRef, { limit: 0 }),
        ).rejects.toThrow(expect.objectContaining({ name: 'InputError' }));
      },
    );

    it.each(databases.eachSupportedId())(
      'refuses bad input and writes nothing, on %p',
      async id => {
        const { store, knex } = await setUp(id);
        const bad = [
          aNewPromotion({ targetFolder: '' }),
          aNewPromotion({ version: { name: 'x', digest: 'sha256:short' } }),
          aNewPromotion({ version: { name: 'x' } }),
          aNewPromotion({ state: 'succeeded' }),
          aNewPromotion({ idempotencyKey: 'k'.repeat(129) }),
          { ...aNewPromotion(), extra: true },
        ];

        for (const input of bad) {
          await expect(store.create(input)).rejects.toThrow(
            expect.objectContaining({ name: 'InputError' }),
          );
        }
        const [{ n }] = await knex('promotions').count({ n: '*' });
        expect(Number(n)).toBe(0);
      },
    );
  });

  describe('idempotency and the in-flight slot', () => {
    it.each(databases.eachSupportedId())(
      'returns the first promotion for a repeated key, on %p',
      async id => {
        const { store } = await setUp(id);
        const first = await store.create(
          aNewPromotion({ idempotencyKey: 'k-1' }),
        );
        await store.transition(
          first.promotion.id,
          ['awaiting-approval'],
          'cancelled',
        );

        const again = await store.create(
          aNewPromotion({ idempotencyKey: 'k-1' }),
        );

        expect(again.created).toBe(false);
        expect(again.promotion.id).toBe(first.promotion.id);
        expect(again.promotion.state).toBe('cancelled');
        const otherEntity = await store.create(
          aNewPromotion({
            entityRef: 'component:default/cart',
            idempotencyKey: 'k-1',
          }),
        );
        expect(otherEntity.created).toBe(true);
      },
    );

    it.each(databases.eachSupportedId())(
      'refuses a second in-flight promotion, naming the first, on %p',
      async id => {
        const { store } = await setUp(id);
        const first = await store.create(aNewPromotion());

        const second = store.create(
          aNewPromotion({
            requestedBy: 'user:default/bob',
            idempotencyKey: 'other',
          }),
        );

        await expect(second).rejects.toThrow(
          expect.objectContaining({
            name: 'ConflictError',
            message: expect.stringContaining(first.promotion.id),
          }),
        );
        await expect(second).rejects.toThrow(
          /awaiting-approval, requested by user:default\/alice/,
        );
        await expect(
          store.create(aNewPromotion({ target: 'production' })),
        ).resolves.toMatchObject({ created: true });
      },
    );

    it.each(databases.eachSupportedId())(
      'keeps one promotion in flight per overlay folder, whichever entity asks, on %p',
      async id => {
        const { store } = await setUp(id);
        const folder = 'github:github.com/acme/gitops k8s/overlays/staging';
        const first = await store.create(
          aNewPromotion({ targetFolder: folder }),
        );

        const throughAnotherEntity = store.create(
          aNewPromotion({
            entityRef: 'component:default/innocent-tool',
            targetFolder: folder,
          }),
        );

        await expect(throughAnotherEntity).rejects.toThrow(
          expect.objectContaining({
            name: 'ConflictError',
            message: expect.stringContaining(first.promotion.id),
          }),
        );
        await expect(store.findInFlight(folder)).resolves.toMatchObject({
          id: first.promotion.id,
        });
      },
    );

    it.each(databases.eachSupportedId())(
      'has the database itself refuse a second in-flight row, on %p',
      async id => {
        const { store, knex } = await setUp(id);
        const { promotion } = await store.create(aNewPromotion());
        const row = await knex('promotions')
          .where({ id: promotion.id })
          .first();

        const duplicate = await rejectionOf(
          knex('promotions').insert({
            ...row,
            id: 'a-second-row',
            idempotency_key: 'other',
          }),
        );
        expect(duplicate?.message).toMatch(/unique/i);
        await expect(
          knex('promotions').insert({
            ...row,
            id: 'a-final-row',
            in_flight_key: null,
            idempotency_key: 'final',
          }),
        ).resolves.toBeDefined();
      },
    );

    it.each(databases.eachSupportedId())(
      'frees the slot when the promotion ends, on %p',
      async id => {
        const { store } = await setUp(id);
        const first = await store.create(aNewPromotion());
        await store.transition(
          first.promotion.id,
          ['awaiting-approval'],
          'rejected',
        );

        const next = await store.create(aNewPromotion());

        expect(next.created).toBe(true);
        await expect(
          store.findInFlight(aNewPromotion().targetFolder),
        ).resolves.toMatchObject({
          id: next.promotion.id,
        });
        const inFlight = await store.listInFlight();
        expect(inFlight.map(p => p.id)).toEqual([next.promotion.id]);
      },
    );
  });

  describe('transition and patch', () => {
    it.each(databases.eachSupportedId())(
      'moves state only from the expected states, on %p',
      async id => {
        const { store } = await setUp(id);
        const { promotion } = await store.create(aNewPromotion());

        await expect(
          store.transition(promotion.id, ['executing'], 'rolling-out'),
        ).resolves.toBeUndefined();
        expect((await store.get(promotion.id))?.state).toBe(
          'awaiting-approval',
        );

        const moved = await store.transition(
          promotion.id,
          ['requested', 'awaiting-approval'],
          'executing',
          { links: { branch: 'stageline/checkout/staging' } },
        );
        expect(moved).toMatchObject({
          state: 'executing',
          links: { branch: 'stageline/checkout/staging' },
        });
        expect(moved?.finishedAt).toBeUndefined();
        await expect(
          store.transition('no-such-id', ['executing'], 'failed'),
        ).resolves.toBeUndefined();
      },
    );

    it.each(databases.eachSupportedId())(
      'finishes with a time, a reason and merged links, on %p',
      async id => {
        const { store, clock } = await setUp(id);
        const { promotion } = await store.create(aNewPromotion());
        await store.patch(promotion.id, {
          links: { branch: 'stageline/checkout/staging' },
        });
        clock.advance(60_000);

        const failed = await store.transition(
          promotion.id,
          ['awaiting-approval'],
          'failed',
          {
            stateReason: 'pull request closed without merge',
            links: {
              pullRequest: {
                number: 7,
                url: 'https://github.com/acme/gitops/pull/7',
              },
            },
          },
        );

        expect(failed).toMatchObject({
          state: 'failed',
          stateReason: 'pull request closed without merge',
          finishedAt: clock.now().toISOString(),
          updatedAt: clock.now().toISOString(),
          links: {
            branch: 'stageline/checkout/staging',
            pullRequest: {
              number: 7,
              url: 'https://github.com/acme/gitops/pull/7',
            },
          },
        });
        await expect(store.get(promotion.id)).resolves.toEqual(failed);
      },
    );

    it.each(databases.eachSupportedId())(
      'refuses to leave a final state or use unknown ones, on %p',
      async id => {
        const { store } = await setUp(id);
        const { promotion } = await store.create(aNewPromotion());
        await store.transition(
          promotion.id,
          ['awaiting-approval'],
          'cancelled',
        );

        await expect(
          store.transition(promotion.id, ['cancelled'], 'executing'),
        ).rejects.toThrow(expect.objectContaining({ name: 'InputError' }));
        await expect(
          store.transition(
            promotion.id,
            ['bogus' as PromotionState],
            'executing',
          ),
        ).rejects.toThrow(expect.objectContaining({ name: 'InputError' }));
        expect((await store.get(promotion.id))?.state).toBe('cancelled');
      },
    );

    it.each(databases.eachSupportedId())(
      'patches links without changing state, on %p',
      async id => {
        const { store } = await setUp(id);
        const { promotion } = await store.create(aNewPromotion());

        await store.patch(promotion.id, {
          links: { commit: { sha: 'abcdef1' } },
        });

        await expect(store.get(promotion.id)).resolves.toMatchObject({
          state: 'awaiting-approval',
          links: { commit: { sha: 'abcdef1' } },
        });
        await expect(
          store.patch(promotion.id, {
            links: { pullRequest: { number: 1, url: 'data:text/html,hello' } },
          }),
        ).rejects.toThrow(expect.objectContaining({ name: 'InputError' }));
        await expect(
          store.patch(promotion.id, {
            links: { commit: { sha: 'not a sha' } },
          }),
        ).rejects.toThrow(expect.objectContaining({ name: 'InputError' }));
        await expect(store.patch('no-such-id', {})).rejects.toThrow(
          expect.objectContaining({ name: 'NotFoundError' }),
        );
      },
    );
  });

  describe('decisions', () => {
    it.each(databases.eachSupportedId())(
      'records one decision per user, on %p',
      async id => {
        const { store } = await setUp(id);
        const { promotion } = await store.create(aNewPromotion());
        const at = '2026-01-05T10:05:00.000Z';

        const decided = await store.addDecision(promotion.id, {
          user: 'user:default/carol',
          decision: 'approved',
          comment: 'looks good',
          at,
          version: promotion.version,
        });

        expect(decided.approvals).toEqual([
          {
            user: 'user:default/carol',
            decision: 'approved',
            comment: 'looks good',
            at,
            valid: true,
          },
        ]);
        await expect(
          store.addDecision(promotion.id, {
            user: 'user:default/carol',
            decision: 'rejected',
            at,
            version: promotion.version,
          }),
        ).rejects.toThrow(/already decided/);
        await expect(
          store.addDecision('no-such-id', {
            user: 'user:default/carol',
            decision: 'approved',
            at,
            version: promotion.version,
          }),
        ).rejects.toThrow(expect.objectContaining({ name: 'NotFoundError' }));
      },
    );

    it.each(databases.eachSupportedId())(
      'voids decisions when the version changes, on %p',
      async id => {
        const { store } = await setUp(id);
        const { promotion } = await store.create(aNewPromotion());
        const at = '2026-01-05T10:05:00.000Z';
        await store.addDecision(promotion.id, {
          user: 'user:default/carol',
          decision: 'approved',
          at,
          version: promotion.version,
        });
        const newer = {
          name: 'ghcr.io/acme/checkout',
          tag: 'e4f5a6b',
          digest: aDigest('e4f5a6b'),
        };

        const updated = await store.updateVersion(promotion.id, newer);

        expect(updated?.version).toEqual(newer);
        expect(updated?.approvals.map(a => a.valid)).toEqual([false]);
        const reapproved = await store.addDecision(promotion.id, {
          user: 'user:default/carol',
          decision: 'approved',
          at,
          version: newer,
        });
        expect(reapproved.approvals.map(a => a.valid)).toEqual([false, true]);
      },
    );

    it.each(databases.eachSupportedId())(
      'changes the version only before execution, on %p',
      async id => {
        const { store } = await setUp(id);
        const { promotion } = await store.create(
          aNewPromotion({ state: 'executing' }),
        );

        await expect(
          store.updateVersion(promotion.id, { name: 'x', tag: 'v2' }),
        ).resolves.toBeUndefined();
        expect((await store.get(promotion.id))?.version).toEqual(
          promotion.version,
        );
      },
    );

    it.each(databases.eachSupportedId())(
      'takes no decision on a finished promotion, on %p',
      async id => {
        const { store } = await setUp(id);
        const { promotion } = await store.create(aNewPromotion());
        await store.transition(
          promotion.id,
          ['awaiting-approval'],
          'cancelled',
        );

        await expect(
          store.addDecision(promotion.id, {
            user: 'user:default/carol',
            decision: 'approved',
            at: '2026-01-05T10:05:00.000Z',
            version: promotion.version,
          }),
        ).rejects.toThrow(expect.objectContaining({ name: 'ConflictError' }));
      },
    );

    it.each(databases.eachSupportedId())(
      'refuses a decision made for a version the promotion no longer has, and records nothing, on %p',
      async id => {
        const { store } = await setUp(id);
        const { promotion } = await store.create(aNewPromotion());
        const newer = {
          name: 'ghcr.io/acme/checkout',
          tag: 'e4f5a6b',
          digest: aDigest('e4f5a6b'),
        };
        await store.updateVersion(promotion.id, newer);

        const error = await rejectionOf(
          store.addDecision(promotion.id, {
            user: 'user:default/carol',
            decision: 'approved',
            at: '2026-01-05T10:05:00.000Z',
            version: promotion.version,
          }),
        );

        expect(error).toMatchObject({ name: 'ConflictError' });
        expect(error?.message).toContain(
          'ghcr.io/acme/checkout:e4f5a6b@sha256:',
        );
        expect((await store.get(promotion.id))?.approvals).toEqual([]);
      },
    );
  });

  describe('claim', () => {
    it.each(databases.eachSupportedId())(
      'gives one owner the lease until it expires, on %p',
      async id => {
        const { store, clock } = await setUp(id);
        const { promotion } = await store.create(
          aNewPromotion({ state: 'executing' }),
        );

        await expect(
          store.claim(promotion.id, 'instance-a', 30_000),
        ).resolves.toBe(true);
        await expect(
          store.claim(promotion.id, 'instance-b', 30_000),
        ).resolves.toBe(false);
        await expect(
          store.claim(promotion.id, 'instance-a', 30_000),
        ).resolves.toBe(true);
        clock.advance(30_000);
        await expect(
          store.claim(promotion.id, 'instance-b', 30_000),
        ).resolves.toBe(true);
        await store.release(promotion.id, 'instance-a');
        await expect(
          store.claim(promotion.id, 'instance-a', 30_000),
        ).resolves.toBe(false);
        await store.release(promotion.id, 'instance-b');
        await expect(
          store.claim(promotion.id, 'instance-a', 30_000),
        ).resolves.toBe(true);
      },
    );

    it.each(databases.eachSupportedId())(
      'never lets a finished promotion be claimed, on %p',
      async id => {
        const { store } = await setUp(id);
        const { promotion } = await store.create(
          aNewPromotion({ state: 'executing' }),
        );
        await store.transition(promotion.id, ['executing'], 'failed');

        await expect(
          store.claim(promotion.id, 'instance-a', 30_000),
        ).resolves.toBe(false);
        await expect(
          store.claim('no-such-id', 'instance-a', 30_000),
        ).resolves.toBe(false);
      },
    );
  });

  it.each(databases.eachSupportedId())(
    'rolls its migrations back cleanly, on %p',
    async id => {
      const { knex } = await setUp(id);
      const directory = resolvePackagePath(
        '@stageline/plugin-environments-backend',
        'migrations',
      );

      await knex.migrate.rollback({ directory }, true);

      for (const table of [
        'promotions',
        'promotion_decisions',
        'promotion_audit',
        'preview_overrides',
      ]) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(false);
      }
      await knex.migrate.latest({ directory });
      await expect(knex.schema.hasTable('promotion_audit')).resolves.toBe(true);
    },
  );
});
