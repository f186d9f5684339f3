import type { PromotionRequest } from '@stageline/plugin-environments-common';
import { mockCredentials } from '@backstage/backend-test-utils';
import { storeTestDatabases } from '../database/__testUtils__/storeTestDatabases';
import { approverView } from './__testUtils__/approverView';
import {
  ALICE,
  aliceRequests,
  BOB,
  CAROL,
  CHECKOUT,
  promotionWorld,
  REF,
  version,
} from './__testUtils__/promotionWorld';

jest.setTimeout(60_000);
const databases = storeTestDatabases();

async function world(options?: Parameters<typeof promotionWorld>[2]) {
  return promotionWorld(databases, 'SQLITE_3', options);
}

describe('PromotionService', () => {
  describe('a promotion to staging', () => {
    it('writes exactly the version qa runs into the staging overlay, then succeeds once staging runs it', async () => {
      const w = await world();
      const { promotion, created } = await w.service.request(
        REF,
        { target: 'staging', reason: 'ship the fix' },
        { credentials: ALICE },
      );
      expect(created).toBe(true);
      expect(promotion).toMatchObject({
        source: 'qa',
        target: 'staging',
        version: version('v3'),
        requestedBy: 'user:default/alice',
        state: 'executing',
      });
      await w.engine.idle();
      expect(w.writer.writes).toHaveLength(1);
      expect(w.writer.writes[0]).toMatchObject({
        path: 'k8s/overlays/staging/kustomization.yaml',
        image: version('v3'),
        branch: 'stageline/checkout/staging',
      });
      expect(w.writer.writes[0].commitMessage).toContain(
        `Stageline-Promotion: ${promotion.id}`,
      );
      expect((await w.store.get(promotion.id))?.state).toBe('rolling-out');

      await w.engine.advanceAll();
      expect((await w.store.get(promotion.id))?.state).toBe('rolling-out');

      w.runs('staging', 'v3');
      await w.engine.advanceAll();
      const done = await w.store.get(promotion.id);
      expect(done?.state).toBe('succeeded');
      expect(done?.finishedAt).toBeDefined();
      expect(w.notifications.send).toHaveBeenCalledWith(
        expect.objectContaining({
          recipients: {
            type: 'entity',
            entityRef: ['user:default/alice', CHECKOUT],
          },
        }),
      );
      const actions = (
        await w.store.listAudit({ promotionId: promotion.id })
      ).map(e => e.action);
      expect(actions).toEqual([
        'promotion.request',
        'promotion.write',
        'promotion.succeeded',
      ]);
      expect(w.auditorEvents).toEqual([
        { eventId: 'promotion-request', outcome: 'success' },
        { eventId: 'promotion-write', outcome: 'success' },
      ]);
    });

    it('fails when the target does not run the version healthy within the rollout timeout', async () => {
      const w = await world();
      const { promotion } = await aliceRequests(w, 'staging');
      await w.engine.idle();
      w.clock.advance(31 * 60_000);
      await w.engine.advanceAll();
      const failed = await w.store.get(promotion.id);
      expect(failed?.state).toBe('failed');
      expect(failed?.stateReason).toMatch(
        /did not run v3@sha256:\w+ healthy in time: .*runs v2/,
      );
    });

    it('returns the same promotion for a repeated idempotency key and writes once', async () => {
      const w = await world();
      const body = { target: 'staging', idempotencyKey: 'click-1' };
      const first = await w.service.request(REF, body, { credentials: ALICE });
      const second = await w.service.request(REF, body, {
        credentials: ALICE,
      });
      await w.engine.idle();
      expect(second).toEqual({ promotion: first.promotion, created: false });
      expect(w.writer.writes).toHaveLength(1);
    });
  });

  describe('refuses with a clear error and writes nothing', () => {
    it.each([
      [
        'the first environment',
        { target: 'qa' },
        'InputError',
        /first environment/,
      ],
      [
        'an unknown environment',
        { target: 'uat' },
        'NotFoundError',
        /not part of/,
      ],
      [
        'a version the source no longer runs',
        { target: 'staging', version: 'v2' },
        'ConflictError',
        /qa now runs v3\S*, not v2/,
      ],
      [
        'a version the target already declares',
        { target: 'staging' },
        'ConflictError',
        /already declares v3/,
      ],
    ])('%s', async (_what, body, name, message) => {
      const w = await world();
      if (message.source.includes('already')) w.declares('staging', 'v3');
      await expect(
        w.service.request(REF, body, { credentials: ALICE }),
      ).rejects.toMatchObject({
        name,
        message: expect.stringMatching(message),
      });
      expect(w.writer.writes).toEqual([]);
      expect(await w.store.listByEntity(CHECKOUT)).toEqual([]);
      const audit = await w.store.listAudit({ entityRef: CHECKOUT });
      expect(audit.map(a => a.result)).toEqual(['refused']);
    });
  });

  describe('gates', () => {
    it.each([
      [
        'soak time',
        (w: Awaited<ReturnType<typeof world>>) =>
          w.runs('qa', 'v3', {
            since: new Date(
              w.clock.now().getTime() - 20 * 60_000,
            ).toISOString(),
          }),
        /run v3 for 20m: 40m left \(1h required\)/,
      ],
      [
        'source health',
        (w: Awaited<ReturnType<typeof world>>) =>
          w.runs('qa', 'v3', {
            health: 'degraded',
            reasons: ['CrashLoopBackOff'],
          }),
        /healthy|degraded/i,
      ],
      [
        'digest known and equal',
        (w: Awaited<ReturnType<typeof world>>) =>
          w.runs('qa', 'v3', {
            digests: [version('v3').digest, version('v2').digest],
          }),
        /2 digests/,
      ],
      [
        'a cluster that cannot be read (fails closed)',
        (w: Awaited<ReturnType<typeof world>>) =>
          w.clusters.unavailable.set('local', 'connect ECONNREFUSED'),
        /ECONNREFUSED|could not be read|unknown/i,
      ],
    ])('blocks on %s alone', async (_gate, breakIt, reason) => {
      const w = await world();
      breakIt(w);
      const error = await w.service
        .request(REF, { target: 'staging' }, { credentials: ALICE })
        .catch(e => e);
      expect(error).toMatchObject({ name: 'ConflictError' });
      expect(error.message).toMatch(reason);
      expect(w.writer.writes).toEqual([]);
    });

    it('blocks during a freeze window of the target', async () => {
      const w = await world({
        environments: {
          chains: {
            default: [
              { name: 'qa' },
              {
                name: 'staging',
                gates: {
                  freezeWindows: [
                    {
                      start: '2026-11-20T00:00:00Z',
                      end: '2026-11-21T00:00:00Z',
                      reason: 'Black Friday',
                    },
                  ],
                },
              },
              { name: 'production' },
            ],
          },
          gitops: { mode: 'commit' },
        },
      });
      await expect(
        w.service.request(REF, { target: 'staging' }, { credentials: ALICE }),
      ).rejects.toThrow(/Black Friday/);
    });

    it('allows one promotion in flight per target: the second is a 409 naming the first', async () => {
      const w = await world();
      const { promotion } = await aliceRequests(w, 'production');
      const error = await w.service
        .request(REF, { target: 'production' }, { credentials: BOB })
        .catch(e => e);
      expect(error.name).toBe('ConflictError');
      expect(error.message).toContain(promotion.id);
    });

    it('shows every gate with its reason on the environments view', async () => {
      const w = await world();
      const view = await w.view.getEnvironments(REF, { credentials: ALICE });
      const [qa, staging, production] = view.environments;
      expect(qa.promotion).toBeUndefined();
      expect(staging.promotion).toMatchObject({
        source: 'qa',
        version: version('v3'),
        ready: true,
        approvalsRequired: 0,
      });
      expect(production.promotion).toMatchObject({
        ready: true,
        approvalsRequired: 2,
        protected: true,
      });
      expect(production.promotion?.gates.map(g => g.id).sort()).toEqual([
        'approvals',
        'digest-verified',
        'freeze-window',
        'no-promotion-in-flight',
        'soak-time',
        'source-healthy',
      ]);
    });
  });

  describe('approvals', () => {
    async function awaitingProduction() {
      const w = await world();
      const { promotion } = await w.service.request(
        REF,
        { target: 'production', reason: 'release 42' },
        { credentials: ALICE },
      );
      expect(promotion.state).toBe('awaiting-approval');
      return { w, promotion };
    }

    it('notifies the approvers, then executes after two distinct other users approve', async () => {
      const { w, promotion } = await awaitingProduction();
      expect(w.notifications.send).toHaveBeenCalledWith(
        expect.objectContaining({
          recipients: {
            type: 'entity',
            entityRef: ['group:default/release-managers'],
            excludeEntityRef: promotion.requestedBy,
          },
        }),
      );
      const once = await w.service.decide(
        promotion.id,
        { decision: 'approve', ...(await approverView(w, promotion.id)) },
        { credentials: BOB },
      );
      expect(once.state).toBe('awaiting-approval');
      await expect(
        w.service.decide(
          promotion.id,
          { decision: 'approve', ...(await approverView(w, promotion.id)) },
          { credentials: BOB },
        ),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      const twice = await w.service.decide(
        promotion.id,
        { decision: 'approve', ...(await approverView(w, promotion.id)) },
        { credentials: CAROL },
      );
      expect(twice.state).toBe('executing');
      await w.engine.idle();
      expect(w.writer.writes).toHaveLength(1);
      expect(w.writer.writes[0].image).toEqual(version('v2'));
      expect(w.writer.writes[0].body).toContain('user:default/bob');
    });

    it('never lets the requester approve their own promotion', async () => {
      const { w, promotion } = await awaitingProduction();
      await expect(
        w.service.decide(
          promotion.id,
          { decision: 'approve', ...(await approverView(w, promotion.id)) },
          { credentials: ALICE },
        ),
      ).rejects.toThrow(/You requested this promotion/);
      expect((await w.store.get(promotion.id))?.approvals).toEqual([]);
    });

    it('ends the promotion on a rejection, with the comment', async () => {
      const { w, promotion } = await awaitingProduction();
      const rejected = await w.service.decide(
        promotion.id,
        {
          decision: 'reject',
          comment: 'not during the incident',
          ...(await approverView(w, promotion.id)),
        },
        { credentials: BOB },
      );
      expect(rejected.state).toBe('rejected');
      expect(rejected.stateReason).toMatch(/not during the incident/);
      expect(w.writer.writes).toEqual([]);
    });

    it('voids approvals when the source moves to another version', async () => {
      const { w, promotion } = await awaitingProduction();
      await w.service.decide(
        promotion.id,
        { decision: 'approve', ...(await approverView(w, promotion.id)) },
        { credentials: BOB },
      );
      w.declares('staging', 'v3');
      w.runs('staging', 'v3');
      await w.engine.advanceAll();
      const moved = await w.store.get(promotion.id);
      expect(moved?.version).toEqual(version('v3'));
      expect(moved?.approvals).toEqual([
        expect.objectContaining({ user: 'user:default/bob', valid: false }),
      ]);
      const after = await w.service.decide(
        promotion.id,
        { decision: 'approve', ...(await approverView(w, promotion.id)) },
        { credentials: CAROL },
      );
      expect(after.state).toBe('awaiting-approval');
    });

    it('cancels a promotion awaiting approval, but not one already written', async () => {
      const { w, promotion } = await awaitingProduction();
      expect(
        (await w.service.cancel(promotion.id, { credentials: ALICE })).state,
      ).toBe('cancelled');
      const staging = await aliceRequests(w, 'staging');
      await w.engine.idle();
      await expect(
        w.service.cancel(staging.promotion.id, { credentials: ALICE }),
      ).rejects.toMatchObject({ name: 'ConflictError' });
    });
  });

  describe('permissions are checked before any Git or cluster call', () => {
    it.each([
      ['environments.promote', 'staging'],
      ['environments.promote.protected', 'production'],
    ])('without %s, a request to %s is a 403', async (permission, target) => {
      const w = await world({ denied: [permission] });
      await expect(
        w.service.request(REF, { target }, { credentials: ALICE }),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      expect(w.clusters.queries).toEqual([]);
      expect(w.writer.writes).toEqual([]);
    });

    it('without environments.approve, an approval is a 403', async () => {
      const w = await world({ denied: ['environments.approve'] });
      const { promotion } = await aliceRequests(w, 'production');
      const seen = await approverView(w, promotion.id);
      const queries = w.clusters.queries.length;
      await expect(
        w.service.decide(
          promotion.id,
          { decision: 'approve', ...seen },
          { credentials: BOB },
        ),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      expect(w.clusters.queries.length).toBe(queries);
    });

    it('without environments.rollback, a rollback is a 403', async () => {
      const w = await world({ denied: ['environments.rollback'] });
      await expect(
        w.service.request(
          REF,
          { target: 'staging', version: 'v2', rollback: true },
          { credentials: ALICE },
        ),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      expect(w.clusters.queries).toEqual([]);
    });

    it('refuses approvals from a service principal', async () => {
      const w = await world();
      const { promotion } = await aliceRequests(w, 'production');
      await expect(
        w.service.decide(
          promotion.id,
          { decision: 'approve', ...(await approverView(w, promotion.id)) },
          { credentials: mockCredentials.service() },
        ),
      ).rejects.toThrow(/signed-in user/);
    });
  });

  describe('environment states with promotions', () => {
    it('calls a written promotion the cluster has not applied yet waiting for sync, not drift', async () => {
      const w = await world();
      const { promotion } = await aliceRequests(w, 'staging');
      await w.engine.idle();
      await expect(w.store.get(promotion.id)).resolves.toMatchObject({
        state: 'rolling-out',
      });

      const view = await w.view.getEnvironments(REF, { credentials: ALICE });
      const staging = view.environments.find(e => e.name === 'staging')!;
      expect(staging.desired?.image?.tag).toBe('v3');
      expect(staging.live?.image?.tag).toBe('v2');
      expect(staging.sync).toMatchObject({
        status: 'waiting-for-sync',
        reason: expect.stringContaining(
          `since promotion ${promotion.id} wrote it; the cluster still runs v2`,
        ),
      });
    });
  });

  describe('rollback', () => {
    /** staging (2 approvals, a freeze) ran v3 then v4; a rollback to v3 is requested in the freeze. */
    async function rollbackDuringFreeze(
      freezeBlocksRollback: boolean,
      extra: Partial<PromotionRequest> = {},
    ) {
      const w = await world({
        environments: {
          chains: {
            default: [
              { name: 'qa' },
              {
                name: 'staging',
                gates: {
                  approvals: 2,
                  freezeBlocksRollback,
                  freezeWindows: [
                    {
                      start: '2026-11-20T13:00:00Z',
                      end: '2026-11-20T18:00:00Z',
                      reason: 'Release freeze',
                    },
                  ],
                },
              },
              { name: 'production' },
            ],
          },
          gitops: { mode: 'commit' },
        },
      });
      const forward = async (tag: string) => {
        const { promotion } = await aliceRequests(w, 'staging');
        for (const approver of [BOB, CAROL]) {
          await w.service.decide(
            promotion.id,
            {
              decision: 'approve',
              ...(await approverView(w, promotion.id)),
            },
            { credentials: approver },
          );
        }
        await w.engine.idle();
        w.runs('staging', tag);
        await w.engine.advanceAll();
        w.clock.advance(60_000);
      };
      await forward('v3');
      w.declares('qa', 'v4');
      w.runs('qa', 'v4');
      await forward('v4');
      w.clock.advance(60 * 60_000); // into the freeze
      const writesBefore = w.writer.writes.length;

      const { promotion } = await w.service.request(
        REF,
        { target: 'staging', version: 'v3', rollback: true, ...extra },
        { credentials: ALICE },
      );
      // No approvals asked for: it goes straight to executing.
      expect(promotion).toMatchObject({
        approvalsRequired: 0,
        state: 'executing',
      });
      await w.engine.idle();

      return { w, promotion, writesBefore };
    }

    it('returns an environment to a version that succeeded there before', async () => {
      const w = await world();
      const first = await aliceRequests(w, 'staging');
      await w.engine.idle();
      w.runs('staging', 'v3');
      await w.engine.advanceAll();
      w.clock.advance(60_000);
      w.declares('qa', 'v4');
      w.runs('qa', 'v4');
      await aliceRequests(w, 'staging');
      await w.engine.idle();
      w.runs('staging', 'v4');
      await w.engine.advanceAll();
      w.clock.advance(60_000);
      expect((await w.store.get(first.promotion.id))?.state).toBe('succeeded');

      const rollback = await w.service.request(
        REF,
        {
          target: 'staging',
          version: 'v3',
          rollback: true,
          reason: 'v4 breaks carts',
        },
        { credentials: ALICE },
      );
      expect(rollback.promotion).toMatchObject({
        kind: 'rollback',
        version: version('v3'),
      });
      await w.engine.idle();
      expect(w.writer.writes.at(-1)?.image).toEqual(version('v3'));
    });

    it('refuses to "roll back" to a version that came after the one declared now', async () => {
      const w = await world();
      const forward = async () => {
        await aliceRequests(w, 'staging');
        await w.engine.idle();
      };
      await forward(); // v3 to staging
      w.runs('staging', 'v3');
      await w.engine.advanceAll();
      w.clock.advance(60_000);
      w.declares('qa', 'v4');
      w.runs('qa', 'v4');
      await forward(); // v4 to staging
      w.runs('staging', 'v4');
      await w.engine.advanceAll();
      w.clock.advance(60_000);
      await w.service.request(
        REF,
        { target: 'staging', version: 'v3', rollback: true },
        { credentials: ALICE },
      );
      await w.engine.idle();
      w.runs('staging', 'v3');
      await w.engine.advanceAll();
      w.clock.advance(60_000);

      // staging declares v3 again: v4 is newer, a roll forward.
      await expect(
        w.service.request(
          REF,
          { target: 'staging', version: 'v4', rollback: true },
          { credentials: ALICE },
        ),
      ).rejects.toThrow(
        /staging declares v3@sha256:\w+: v4 is that version or came after it, so returning to it is not a rollback/,
      );
    });

    it('goes through a freeze without approvals by default', async () => {
      const { w, promotion, writesBefore } = await rollbackDuringFreeze(false);
      expect((await w.store.get(promotion.id))?.state).toBe('rolling-out');
      expect(w.writer.writes).toHaveLength(writesBefore + 1);
      expect(w.writer.writes.at(-1)?.image).toEqual(version('v3'));
    });

    it('goes through a freeze that blocks rollbacks when it is break-glass', async () => {
      const { w, promotion, writesBefore } = await rollbackDuringFreeze(true, {
        reason: 'v4 breaks carts',
        breakGlass: { incident: 'https://status.example.com/incidents/9' },
      });
      expect((await w.store.get(promotion.id))?.state).toBe('rolling-out');
      expect(w.writer.writes).toHaveLength(writesBefore + 1);
    });

    it('waits for the freeze where gates.freezeBlocksRollback says so', async () => {
      const { w, promotion, writesBefore } = await rollbackDuringFreeze(true);
      await expect(w.store.get(promotion.id)).resolves.toMatchObject({
        state: 'failed',
        stateReason: expect.stringMatching(
          /Release freeze.*staging sets gates.freezeBlocksRollback/,
        ),
      });
      expect(w.writer.writes).toHaveLength(writesBefore);
    });

    it('refuses a version that never succeeded there', async () => {
      const w = await world();
      await expect(
        w.service.request(
          REF,
          { target: 'staging', version: 'v1', rollback: true },
          { credentials: ALICE },
        ),
      ).rejects.toThrow(/never ran successfully in staging/);
    });
  });

  describe('conflicts on write', () => {
    it('re-checks the gates and retries when the overlay moved under the write', async () => {
      const w = await world();
      w.writer.conflicts = 1;
      const { promotion } = await aliceRequests(w, 'staging');
      await w.engine.idle();
      expect(w.writer.writes).toHaveLength(1);
      expect((await w.store.get(promotion.id))?.state).toBe('rolling-out');
    });

    it('fails with the reason when the gates no longer pass after the conflict', async () => {
      const w = await world();
      w.writer.conflicts = 1;
      const { promotion } = await aliceRequests(w, 'staging');
      w.runs('qa', 'v3', { health: 'degraded', reasons: ['CrashLoopBackOff'] });
      await w.engine.idle();
      const failed = await w.store.get(promotion.id);
      expect(failed?.state).toBe('failed');
      expect(w.writer.writes).toEqual([]);
    });
  });
});
