import { computeDeliveryMetrics } from './computeDeliveryMetrics';
import type { ProductionChange } from './ProductionChange';

const REF = 'component:default/checkout';
const period = {
  from: new Date('2026-11-02T00:00:00Z'),
  to: new Date('2026-11-05T12:00:00Z'),
};

function change(
  kind: ProductionChange['kind'],
  state: string,
  finished?: string,
  commit?: string,
): ProductionChange {
  return {
    entityRef: REF,
    kind,
    state,
    createdAt: new Date('2026-11-01T00:00:00Z'),
    finishedAt: finished ? new Date(finished) : undefined,
    sourceCommitAt: commit ? new Date(commit) : undefined,
  };
}

describe('computeDeliveryMetrics', () => {
  it('answers nothing for no history, with one short week per started week', () => {
    const metrics = computeDeliveryMetrics([], period);
    expect(metrics.deploymentFrequency).toEqual({ deployments: 0, perWeek: 0 });
    expect(metrics.leadTime).toEqual({ samples: 0 });
    expect(metrics.changeFailureRate).toEqual({ changes: 0, failures: 0 });
    expect(metrics.timeToRestore).toEqual({ restored: 0, open: 0 });
    expect(metrics.weeks).toEqual([
      { start: '2026-11-02T00:00:00.000Z', deployments: 0, failures: 0 },
    ]);
  });

  it('counts a failed rollback as neither a change nor a restore, and restores at the next success', () => {
    const metrics = computeDeliveryMetrics(
      [
        // Out of order on purpose: the history is sorted per service by finish time.
        change(
          'promotion',
          'succeeded',
          '2026-11-03T06:00:00Z',
          '2026-11-03T05:00:00Z',
        ),
        change('promotion', 'failed', '2026-11-03T00:00:00Z'),
        change('rollback', 'failed', '2026-11-03T01:00:00Z'),
        change('promotion', 'rejected', '2026-11-03T02:00:00Z'),
        change('promotion', 'cancelled'),
      ],
      period,
    );
    // 1 deployment in 3.5 days = 0.5 weeks.
    expect(metrics.deploymentFrequency).toEqual({ deployments: 1, perWeek: 2 });
    expect(metrics.leadTime).toEqual({
      samples: 1,
      medianSeconds: 3600,
      p90Seconds: 3600,
    });
    expect(metrics.changeFailureRate).toEqual({
      changes: 2,
      failures: 1,
      rate: 0.5,
    });
    // Failed at 00:00, the failed rollback at 01:00 does not restore, the success at 06:00 does.
    expect(metrics.timeToRestore).toEqual({
      restored: 1,
      open: 0,
      medianSeconds: 6 * 3600,
    });
  });

  it('counts a source commit after the deployment (clock skew) as zero lead time', () => {
    const metrics = computeDeliveryMetrics(
      [
        change(
          'promotion',
          'succeeded',
          '2026-11-03T00:00:00Z',
          '2026-11-03T00:05:00Z',
        ),
      ],
      period,
    );
    expect(metrics.leadTime.medianSeconds).toBe(0);
  });
});
