import { createMockDirectory } from '@backstage/backend-test-utils';
import type { TestDatabaseId } from '@backstage/backend-test-utils';
import { startHealthServer } from '../../verification/__testUtils__/healthServer';
import { startPrometheusStandIn } from '../../verification/__testUtils__/prometheusStandIn';
import { PromotionService } from '../PromotionService';
import { requiredTestDatabaseIds } from '../../database/__testUtils__/requiredTestDatabaseIds';
import { storeTestDatabases } from '../../database/__testUtils__/storeTestDatabases';
import {
  ALICE,
  aliceRequests,
  promotionWorld,
  REF,
} from '../__testUtils__/promotionWorld';
import { realGitOverlayWriter } from '../__testUtils__/realGitOverlayWriter';
import { AUTOMATIC_ROLLBACK_ACTOR } from './AutomaticRollback';
import { PromotionEngine } from './PromotionEngine';

// Real git processes and real HTTP servers: seconds on a loaded machine.
jest.setTimeout(120_000);
const databases = storeTestDatabases();
const mockDir = createMockDirectory();
const STAGING = 'k8s/overlays/staging/kustomization.yaml';
const MINUTE = 60_000;

let run = 0;

/**
 * qa -> staging, where staging verifies every promotion for 10 minutes: workloads, GET /health
 * on a real local server, and an error rate from a Prometheus stand-in (at most 0.05, and at
 * most 10% above the value before the promotion); a failure rolls back. Writes are real commits.
 */
async function verifyingWorld(id: TestDatabaseId) {
  const health = await startHealthServer();
  const prometheus = await startPrometheusStandIn();
  const w = await promotionWorld(databases, id, {
    environments: {
      chains: {
        default: [
          { name: 'qa' },
          {
            name: 'staging',
            verification: {
              duration: '10m',
              onFailure: 'rollback',
              url: health.url,
              http: [{ path: '/health', interval: '1m', timeout: '2s' }],
              prometheus: [
                {
                  name: 'error-rate',
                  baseUrl: prometheus.url,
                  query:
                    'sum(rate(http_errors_total{namespace="{namespace}",service="{service}"}[5m]))',
                  atMost: 0.05,
                  atMostAbovePrevious: '10%',
                  interval: '1m',
                },
              ],
            },
          },
          { name: 'production', gates: { verifiedInSource: true } },
        ],
      },
      gitops: { mode: 'commit' },
    },
  });
  const git = await realGitOverlayWriter(w.repo, mockDir.resolve(`r${run++}`));
  w.deps.writers = { resolve: () => git.writer };
  const state = async (promotionId: string) =>
    (await w.store.get(promotionId))?.state;

  /** Promotes qa's version into staging and lets the target run it. */
  async function promoteToStaging(tag: string) {
    const { promotion } = await aliceRequests(w, 'staging');
    await w.engine.idle();
    expect(await state(promotion.id)).toBe('rolling-out');
    w.runs('staging', tag);
    await w.engine.advanceAll();
    expect(await state(promotion.id)).toBe('verifying');
    return promotion;
  }

  /** qa runs a new version. */
  function qaRuns(tag: string) {
    w.declares('qa', tag);
    w.runs('qa', tag);
  }

  async function close() {
    await Promise.all([health.close(), prometheus.close(), w.close()]);
  }
  return {
    ...w,
    health,
    prometheus,
    git,
    state,
    promoteToStaging,
    qaRuns,
    close,
  };
}

type World = Awaited<ReturnType<typeof verifyingWorld>>;

/** A backend restart: a new engine and service over the same database and Git. */
function restart(w: World) {
  const deps = { ...w.deps, instanceId: `instance-${run++}` };
  const engine = new PromotionEngine(deps);
  return { engine, service: new PromotionService(deps, engine) };
}

async function rollbacksOf(w: World) {
  return (await w.store.listByEntity('component:default/checkout')).filter(
    p => p.kind === 'rollback',
  );
}

describe('PromotionEngine with verification', () => {
  it('runs on every required database', () => {
    expect(databases.eachSupportedId().flat()).toEqual(
      expect.arrayContaining(requiredTestDatabaseIds()),
    );
  });

  it.each(databases.eachSupportedId())(
    'verifies for the configured duration, then succeeds (%p)',
    async id => {
      const w = await verifyingWorld(id);
      try {
        const promotion = await w.promoteToStaging('v3');
        // The error rate was measured before the write, for the comparison.
        expect(w.prometheus.queries[0]).toBe(
          'sum(rate(http_errors_total{namespace="staging",service="checkout"}[5m]))',
        );
        await w.engine.advanceAll();
        expect(await w.state(promotion.id)).toBe('verifying');
        expect((await w.store.get(promotion.id))?.stateReason).toMatch(
          /^Verifying: 10m left/,
        );
        expect(w.health.requests).toEqual(['/health']);

        w.clock.advance(5 * MINUTE);
        await w.engine.advanceAll();
        expect(await w.state(promotion.id)).toBe('verifying');
        expect(w.health.requests).toHaveLength(2);

        w.clock.advance(6 * MINUTE);
        await w.engine.advanceAll();
        const done = await w.store.get(promotion.id);
        expect(done?.state).toBe('succeeded');
        expect(done?.stateReason).toBe('Verified: every check passed for 10m');
        expect(await w.git.commitsTouching(STAGING)).toHaveLength(2);
        expect(await rollbacksOf(w)).toEqual([]);
      } finally {
        await w.close();
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'fails verification when the health check turns unhealthy and writes one rollback to the last verified version (%p)',
    async id => {
      const w = await verifyingWorld(id);
      try {
        const verified = await w.promoteToStaging('v3');
        w.clock.advance(11 * MINUTE);
        await w.engine.advanceAll();
        expect(await w.state(verified.id)).toBe('succeeded');

        w.qaRuns('v4');
        const promotion = await w.promoteToStaging('v4');
        await w.engine.advanceAll();
        expect(await w.state(promotion.id)).toBe('verifying');
        w.health.turnUnhealthy();
        w.clock.advance(MINUTE);
        await w.engine.advanceAll();

        const failed = await w.store.get(promotion.id);
        expect(failed?.state).toBe('failed-verification');
        expect(failed?.stateReason).toMatch(
          /GET \/health: .*\/health answered 503 in \d+ms, expected 200/,
        );
        const [rollback] = await rollbacksOf(w);
        expect(rollback).toMatchObject({
          requestedBy: AUTOMATIC_ROLLBACK_ACTOR,
          target: 'staging',
          version: { tag: 'v3' },
        });
        expect(rollback.reason).toMatch(/^Automatic rollback: .*:v4@/);
        const detail = await w.service.get(promotion.id, {
          credentials: ALICE,
        });
        expect(detail.verification).toEqual({
          outcome: 'failed',
          rollbackPromotionId: rollback.id,
          results: [
            expect.objectContaining({ check: 'workloads', passed: true }),
            expect.objectContaining({ check: 'GET /health', passed: false }),
            expect.objectContaining({
              check: 'prometheus error-rate',
              passed: true,
              reason:
                'error-rate is 0.01, at most 0.05, before the promotion 0.01, limit 10% above',
            }),
          ],
        });

        // The engine writes the rollback through the same writer, once.
        await w.engine.advanceAll();
        await w.engine.advanceAll();
        expect(await w.state(rollback.id)).toBe('rolling-out');
        const commits = await w.git.commitsTouching(STAGING);
        expect(commits).toHaveLength(4);
        expect(commits[0]).toMatch(/^Roll back checkout to staging: v3/);
        expect(await w.git.show(STAGING)).toContain('newTag: "v3"');
        expect(await rollbacksOf(w)).toHaveLength(1);

        const events = await w.store.listAudit({ promotionId: rollback.id });
        expect(events[0]).toMatchObject({
          actor: AUTOMATIC_ROLLBACK_ACTOR,
          action: 'rollback.automatic',
        });
        expect(
          (await w.store.listAudit({ promotionId: promotion.id })).map(
            e => e.action,
          ),
        ).toEqual(
          expect.arrayContaining([
            'promotion.failed-verification',
            'promotion.rollback-requested',
          ]),
        );
        expect(w.notifications.send).toHaveBeenCalledWith(
          expect.objectContaining({
            payload: expect.objectContaining({
              title: 'Rolling back automatically: checkout v3 -> staging',
            }),
          }),
        );
      } finally {
        await w.close();
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'fails verification when the error rate rises more than 10% above the value before the promotion (%p)',
    async id => {
      const w = await verifyingWorld(id);
      try {
        const promotion = await w.promoteToStaging('v3');
        w.prometheus.set('0.0115');
        await w.engine.advanceAll();
        const failed = await w.store.get(promotion.id);
        expect(failed?.state).toBe('failed-verification');
        expect(failed?.stateReason).toMatch(
          /prometheus error-rate: error-rate is 0\.0115: more than 10% above 0\.01/,
        );
        // Nothing verified in staging before: no rollback, and the trail says why.
        expect(await rollbacksOf(w)).toEqual([]);
        expect(
          (await w.store.listAudit({ promotionId: promotion.id })).at(-1),
        ).toMatchObject({
          action: 'promotion.rollback-skipped',
          message: expect.stringMatching(/nothing to roll back to/),
        });
      } finally {
        await w.close();
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'lets production require the version verified in staging (%p)',
    async id => {
      const w = await verifyingWorld(id);
      try {
        const promotion = await w.promoteToStaging('v3');
        const gateOf = async () =>
          (
            await w.view.getEnvironments(REF, { credentials: ALICE })
          ).environments[2].promotion?.gates.find(
            g => g.id === 'verified-in-source',
          );
        expect(await gateOf()).toMatchObject({
          passed: false,
          reason: expect.stringMatching(
            /has not passed verification in staging \(required\)$/,
          ),
        });
        await expect(
          w.service.request(
            REF,
            { target: 'production' },
            { credentials: ALICE },
          ),
        ).rejects.toThrow(/has not passed verification in staging/);

        w.clock.advance(11 * MINUTE);
        await w.engine.advanceAll();
        expect(await w.state(promotion.id)).toBe('succeeded');
        expect(await gateOf()).toMatchObject({ passed: true });
        const { promotion: next } = await aliceRequests(w, 'production');
        expect(next.version.tag).toBe('v3');
        await w.engine.idle();
      } finally {
        await w.close();
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'resumes verifying after a restart and succeeds without writing again (%p)',
    async id => {
      const w = await verifyingWorld(id);
      try {
        const promotion = await w.promoteToStaging('v3');
        await w.engine.advanceAll();
        const after = restart(w);
        w.clock.advance(11 * MINUTE);
        await after.engine.advanceAll();
        expect(await w.state(promotion.id)).toBe('succeeded');
        expect(await w.git.commitsTouching(STAGING)).toHaveLength(2);
      } finally {
        await w.close();
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'writes exactly one rollback when the backend stops while deciding or rolling back (%p)',
    async id => {
      const w = await verifyingWorld(id);
      try {
        await w.promoteToStaging('v3');
        w.clock.advance(11 * MINUTE);
        await w.engine.advanceAll();
        w.qaRuns('v4');
        const promotion = await w.promoteToStaging('v4');
        await w.engine.advanceAll();

        // Stops after storing the failed outcome, before the state changed.
        w.health.turnUnhealthy();
        w.clock.advance(MINUTE);
        const stopAtTransition = jest
          .spyOn(w.store, 'transition')
          .mockRejectedValueOnce(new Error('backend stopped'));
        await w.engine.advanceAll();
        stopAtTransition.mockRestore();
        expect(await w.state(promotion.id)).toBe('verifying');
        expect(await rollbacksOf(w)).toEqual([]);

        // The next instance acts on the stored outcome (the server is healthy again by now),
        // and stops after creating the rollback, before recording it.
        w.health.turnHealthy();
        const second = restart(w);
        const stopAtRecord = jest
          .spyOn(w.deps.verifier.store, 'recordRollback')
          .mockRejectedValueOnce(new Error('backend stopped'));
        await second.engine.advanceAll();
        stopAtRecord.mockRestore();
        expect(await w.state(promotion.id)).toBe('failed-verification');
        expect(await rollbacksOf(w)).toHaveLength(1);

        // A third instance finds the rollback by its key rather than writing another.
        const third = restart(w);
        await third.engine.advanceAll();
        await third.engine.advanceAll();
        await third.engine.advanceAll();
        const rollbacks = await rollbacksOf(w);
        expect(rollbacks).toHaveLength(1);
        expect(rollbacks[0].version.tag).toBe('v3');
        expect(await w.git.commitsTouching(STAGING)).toHaveLength(4);
        expect(
          (await w.store.listAudit({ promotionId: rollbacks[0].id })).filter(
            e => e.action === 'rollback.automatic',
          ),
        ).toHaveLength(1);
      } finally {
        await w.close();
      }
    },
  );
});
