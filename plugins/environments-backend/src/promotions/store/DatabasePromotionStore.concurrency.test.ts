import type { TestDatabaseId } from '@backstage/backend-test-utils';
import type { PromotionState } from '@stageline/plugin-environments-common';
import { aNewPromotion } from './__testUtils__/aNewPromotion';
import { requiredTestDatabaseIds } from '../../database/__testUtils__/requiredTestDatabaseIds';
import { openTestStore } from './__testUtils__/openTestStore';
import { storeTestDatabases } from '../../database/__testUtils__/storeTestDatabases';

jest.setTimeout(60_000);

const REQUESTS = 20;

/**
 * Two backend instances sharing one database (on PostgreSQL each with its own client and pool)
 * race for the same (entity, target): the database alone must keep the invariants.
 */
describe('DatabasePromotionStore under concurrency', () => {
  const closers: Array<() => Promise<void>> = [];
  // Declared before the test databases so the second clients disconnect before their
  // databases are dropped.
  afterAll(async () => {
    await Promise.all(closers.map(close => close()));
  });
  const databases = storeTestDatabases();

  it('runs on every configured database, PostgreSQL included', () => {
    expect(databases.eachSupportedId().flat()).toEqual(
      expect.arrayContaining(requiredTestDatabaseIds()),
    );
  });

  async function twoInstances(databaseId: TestDatabaseId) {
    const opened = await openTestStore(databases, databaseId);
    closers.push(opened.close);
    const second = await opened.openSecondInstance();
    return { knex: opened.knex, instances: [opened.store, second] };
  }

  async function countPromotions(
    knex: Awaited<ReturnType<typeof twoInstances>>['knex'],
  ) {
    const [{ n }] = await knex('promotions').count({ n: '*' });
    return Number(n);
  }

  it.each(databases.eachSupportedId())(
    'creates exactly one of 20 racing requests, on %p',
    async id => {
      const { knex, instances } = await twoInstances(id);

      const results = await Promise.allSettled(
        Array.from({ length: REQUESTS }, (_, i) =>
          instances[i % 2].create(
            aNewPromotion({ idempotencyKey: `click-${i}` }),
          ),
        ),
      );

      const created = results.flatMap(r =>
        r.status === 'fulfilled' ? [r.value] : [],
      );
      const refused = results.flatMap(r =>
        r.status === 'rejected' ? [r.reason] : [],
      );
      expect(created).toHaveLength(1);
      expect(created[0].created).toBe(true);
      expect(refused).toHaveLength(REQUESTS - 1);
      for (const error of refused) {
        expect(error).toMatchObject({
          name: 'ConflictError',
          message: expect.stringContaining(created[0].promotion.id),
        });
      }
      expect(await countPromotions(knex)).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'returns one promotion to 20 requests with the same key, on %p',
    async id => {
      const { knex, instances } = await twoInstances(id);

      const results = await Promise.all(
        Array.from({ length: REQUESTS }, (_, i) =>
          instances[i % 2].create(
            aNewPromotion({ idempotencyKey: 'double-submit' }),
          ),
        ),
      );

      expect(results.filter(r => r.created)).toHaveLength(1);
      expect(new Set(results.map(r => r.promotion.id)).size).toBe(1);
      expect(await countPromotions(knex)).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'frees the slot for the other instance after a final state, on %p',
    async id => {
      const {
        instances: [a, b],
      } = await twoInstances(id);
      const first = await a.create(aNewPromotion());
      await expect(b.create(aNewPromotion())).rejects.toThrow(
        /already in flight/,
      );

      await b.transition(
        first.promotion.id,
        ['awaiting-approval'],
        'cancelled',
      );

      await expect(a.create(aNewPromotion())).resolves.toMatchObject({
        created: true,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'lets exactly one of 20 racing transitions win, on %p',
    async id => {
      const { instances } = await twoInstances(id);
      const { promotion } = await instances[0].create(aNewPromotion());
      const targets: PromotionState[] = ['executing', 'cancelled'];

      const results = await Promise.all(
        Array.from({ length: REQUESTS }, (_, i) =>
          instances[i % 2].transition(
            promotion.id,
            ['awaiting-approval'],
            targets[i % 2],
            {
              stateReason: `racer ${i}`,
            },
          ),
        ),
      );

      const winners = results.filter(r => r !== undefined);
      expect(winners).toHaveLength(1);
      const stored = await instances[1].get(promotion.id);
      expect(stored?.state).toBe(winners[0]?.state);
      expect(stored?.stateReason).toBe(winners[0]?.stateReason);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps every link of concurrent patches, on %p',
    async id => {
      const { instances } = await twoInstances(id);
      const { promotion } = await instances[0].create(aNewPromotion());

      await Promise.all([
        instances[0].patch(promotion.id, {
          links: { branch: 'stageline/checkout/staging' },
        }),
        instances[1].patch(promotion.id, {
          links: { pullRequest: { number: 12 } },
        }),
        instances[0].patch(promotion.id, {
          links: { commit: { sha: 'abcdef1' } },
        }),
      ]);

      await expect(instances[1].get(promotion.id)).resolves.toMatchObject({
        links: {
          branch: 'stageline/checkout/staging',
          pullRequest: { number: 12 },
          commit: { sha: 'abcdef1' },
        },
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'gives the execution lease to exactly one instance, on %p',
    async id => {
      const { instances } = await twoInstances(id);
      const { promotion } = await instances[0].create(
        aNewPromotion({ state: 'executing' }),
      );

      const claims = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          instances[i % 2].claim(promotion.id, `instance-${i}`, 60_000),
        ),
      );

      expect(claims.filter(Boolean)).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'records one of several racing decisions by one user, on %p',
    async id => {
      const { instances } = await twoInstances(id);
      const { promotion } = await instances[0].create(aNewPromotion());

      const results = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) =>
          instances[i % 2].addDecision(promotion.id, {
            user: 'user:default/carol',
            decision: 'approved',
            at: '2026-01-05T10:05:00.000Z',
            version: promotion.version,
          }),
        ),
      );

      expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1);
      const stored = await instances[0].get(promotion.id);
      expect(stored?.approvals).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'never counts a decision for a version that replaced the one decided on, on %p',
    async id => {
      const { instances } = await twoInstances(id);
      const { promotion } = await instances[0].create(aNewPromotion());
      const newer = { ...promotion.version, tag: 'e4f5a6b' };

      // Each decision races the version change; whichever wins, none may count for `newer`.
      const results = await Promise.allSettled([
        instances[1].updateVersion(promotion.id, newer),
        ...Array.from({ length: 5 }, (_, i) =>
          instances[i % 2].addDecision(promotion.id, {
            user: `user:default/approver-${i}`,
            decision: 'approved',
            at: '2026-01-05T10:05:00.000Z',
            version: promotion.version,
          }),
        ),
      ]);

      expect(results[0].status).toBe('fulfilled');
      const stored = await instances[0].get(promotion.id);
      expect(stored?.version).toEqual(newer);
      expect(stored?.approvals.filter(a => a.valid)).toEqual([]);
    },
  );
});
