import request from 'supertest';
import { fleetWorld, shopService } from '../__testUtils__/fleetWorld';
import { aNewPromotion } from '../promotions/store/__testUtils__/aNewPromotion';
import { storeTestDatabases } from '../database/__testUtils__/storeTestDatabases';

jest.setTimeout(60_000);
const databases = storeTestDatabases();

const PAYMENTS = 'component:default/payments';
const SEARCH = 'component:default/search';
const HOUR = 3600;

type Seeded = {
  entityRef: string;
  kind?: 'promotion' | 'rollback';
  target?: string;
  created: string;
  /** Final state and when; absent: still awaiting approval. */
  end?: { state: 'succeeded' | 'failed'; at: string };
  commit?: string;
};

/**
 * The history the answers below are computed from by hand. Period: 2026-11-02 to 2026-11-16
 * (two weeks). Production is the last environment of the default chain.
 */
const HISTORY: Seeded[] = [
  // Before the period: not counted.
  {
    entityRef: PAYMENTS,
    created: '2026-10-30T09:00:00Z',
    end: { state: 'succeeded', at: '2026-10-30T10:00:00Z' },
    commit: '2026-10-29T10:00:00Z',
  },
  // P1 week 1: deployment, lead time 24 h.
  {
    entityRef: PAYMENTS,
    created: '2026-11-02T10:00:00Z',
    end: { state: 'succeeded', at: '2026-11-02T11:00:00Z' },
    commit: '2026-11-01T11:00:00Z',
  },
  // P2 week 1: failed; a failure from 11-04 10:00.
  {
    entityRef: PAYMENTS,
    created: '2026-11-04T09:00:00Z',
    end: { state: 'failed', at: '2026-11-04T10:00:00Z' },
  },
  // P3 week 1: deployment, lead time 4 h; restores P2 after 2 h.
  {
    entityRef: PAYMENTS,
    created: '2026-11-04T11:00:00Z',
    end: { state: 'succeeded', at: '2026-11-04T12:00:00Z' },
    commit: '2026-11-04T08:00:00Z',
  },
  // Into staging: not production, not counted.
  {
    entityRef: PAYMENTS,
    target: 'staging',
    created: '2026-11-05T09:00:00Z',
    end: { state: 'succeeded', at: '2026-11-05T10:00:00Z' },
    commit: '2026-11-05T08:00:00Z',
  },
  // P4 week 2: deployment, lead time 24 h, rolled back: a failure from 11-10 10:00...
  {
    entityRef: PAYMENTS,
    created: '2026-11-10T09:00:00Z',
    end: { state: 'succeeded', at: '2026-11-10T10:00:00Z' },
    commit: '2026-11-09T10:00:00Z',
  },
  // ...restored by the rollback after 1 h (a rollback is not a deployment or a change).
  {
    entityRef: PAYMENTS,
    kind: 'rollback',
    created: '2026-11-10T10:30:00Z',
    end: { state: 'succeeded', at: '2026-11-10T11:00:00Z' },
  },
  // P8 week 2: deployment without a known source commit time.
  {
    entityRef: PAYMENTS,
    created: '2026-11-12T11:00:00Z',
    end: { state: 'succeeded', at: '2026-11-12T12:00:00Z' },
  },
  // P7 week 2: failed, not restored yet.
  {
    entityRef: PAYMENTS,
    created: '2026-11-15T11:00:00Z',
    end: { state: 'failed', at: '2026-11-15T12:00:00Z' },
  },
  // In flight: not counted.
  { entityRef: PAYMENTS, created: '2026-11-15T13:00:00Z' },
  // P10 (search) week 1: deployment, lead time 2 h.
  {
    entityRef: SEARCH,
    created: '2026-11-03T11:00:00Z',
    end: { state: 'succeeded', at: '2026-11-03T12:00:00Z' },
    commit: '2026-11-03T10:00:00Z',
  },
];

async function world() {
  const w = await fleetWorld(databases, [
    { entity: shopService('payments'), declared: {} },
    { entity: shopService('search', { owner: 'team-search' }), declared: {} },
  ]);
  const setClock = (iso: string) =>
    w.clock.advance(new Date(iso).getTime() - w.clock.now().getTime());
  for (const [i, p] of HISTORY.entries()) {
    setClock(p.created);
    const target = p.target ?? 'production';
    const { promotion } = await w.store.create(
      aNewPromotion({
        entityRef: p.entityRef,
        kind: p.kind ?? 'promotion',
        source: p.kind === 'rollback' ? undefined : 'staging',
        target,
        targetFolder: `acme/gitops ${p.entityRef} ${target} ${i}`,
        approvalsRequired: p.end ? 0 : 2,
        state: p.end ? 'executing' : 'awaiting-approval',
        sourceCommitAt: p.commit,
      }),
    );
    if (p.end) {
      setClock(p.end.at);
      await w.store.transition(promotion.id, ['executing'], p.end.state);
    }
  }
  setClock('2026-11-20T12:00:00Z');
  return w;
}

const PERIOD = 'from=2026-11-02T00:00:00Z&to=2026-11-16T00:00:00Z';

describe('GET /metrics', () => {
  it('computes the four metrics of a system from the seeded history', async () => {
    const w = await world();
    const res = await request(w.app).get(`/metrics?system=shop&${PERIOD}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      scope: { kind: 'system', ref: 'system:default/shop' },
      entityRefs: [PAYMENTS, SEARCH],
      from: '2026-11-02T00:00:00.000Z',
      to: '2026-11-16T00:00:00.000Z',
      // P1, P3, P4, P8, P10 over two weeks.
      deploymentFrequency: { deployments: 5, perWeek: 2.5 },
      // 2 h, 4 h, 24 h, 24 h: median the mean of 4 h and 24 h; p90 the 4th of 4.
      leadTime: {
        samples: 4,
        medianSeconds: 14 * HOUR,
        p90Seconds: 24 * HOUR,
      },
      // P1, P2, P3, P4, P7, P8, P10 finished; P2 and P7 failed, P4 was rolled back.
      changeFailureRate: { changes: 7, failures: 3, rate: 0.429 },
      // P2 restored after 2 h, P4 after 1 h, P7 open.
      timeToRestore: { restored: 2, open: 1, medianSeconds: 1.5 * HOUR },
      weeks: [
        {
          start: '2026-11-02T00:00:00.000Z',
          deployments: 3,
          failures: 1,
          // 24 h, 4 h, 2 h.
          leadTimeMedianSeconds: 4 * HOUR,
        },
        {
          start: '2026-11-09T00:00:00.000Z',
          deployments: 2,
          failures: 2,
          leadTimeMedianSeconds: 24 * HOUR,
        },
      ],
    });
    await w.close();
  });

  it('counts one service, and leaves out a service the caller may not read', async () => {
    const w = await world();
    const one = await request(w.app)
      .get(`/metrics?entityRef=payments&${PERIOD}`)
      .expect(200);
    expect(one.body).toMatchObject({
      entityRefs: [PAYMENTS],
      deploymentFrequency: { deployments: 4, perWeek: 2 },
      // 4 h, 24 h, 24 h.
      leadTime: { samples: 3, medianSeconds: 24 * HOUR },
      changeFailureRate: { changes: 6, failures: 3, rate: 0.5 },
    });

    w.deny.add(SEARCH);
    const system = await request(w.app)
      .get(`/metrics?system=shop&${PERIOD}`)
      .expect(200);
    expect(system.body.entityRefs).toEqual([PAYMENTS]);
    expect(system.body.deploymentFrequency.deployments).toBe(4);

    const refused = await request(w.app).get(
      `/metrics?entityRef=search&${PERIOD}`,
    );
    expect(refused.status).toBe(403);

    const group = await request(w.app)
      .get(`/metrics?group=team-search&${PERIOD}`)
      .expect(200);
    expect(group.body.entityRefs).toEqual([]);
    expect(group.body.deploymentFrequency.deployments).toBe(0);
    expect(group.body.changeFailureRate.rate).toBeUndefined();
    await w.close();
  });

  it('exports the weekly series as CSV', async () => {
    const w = await world();
    const res = await request(w.app)
      .get(`/metrics?system=shop&${PERIOD}&format=csv`)
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(
      'delivery-metrics.csv',
    );
    expect(res.text).toBe(
      'week_start,deployments,failures,lead_time_median_seconds\r\n' +
        `2026-11-02T00:00:00.000Z,3,1,${4 * HOUR}\r\n` +
        `2026-11-09T00:00:00.000Z,2,2,${24 * HOUR}\r\n`,
    );
    await w.close();
  });

  it('refuses a bad query with 400', async () => {
    const w = await world();
    for (const query of [
      PERIOD,
      `system=shop&group=team-a&${PERIOD}`,
      'system=shop&from=2026-11-16T00:00:00Z&to=2026-11-02T00:00:00Z',
      'system=shop&from=2025-01-01T00:00:00Z&to=2026-11-02T00:00:00Z',
      'system=shop&from=yesterday',
      'system=group:default/team-a',
      'system=shop&format=xml',
    ]) {
      const res = await request(w.app).get(`/metrics?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
    }
    await w.close();
  });
});
