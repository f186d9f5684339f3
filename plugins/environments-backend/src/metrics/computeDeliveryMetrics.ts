import type {
  DeliveryMetrics,
  DeliveryMetricsWeek,
} from '@stageline/plugin-environments-common';
import type { ProductionChange } from './ProductionChange';

const WEEK_MS = 7 * 24 * 3600_000;

type Period = { from: Date; to: Date };

/**
 * The four delivery metrics of `changes` (every production promotion and rollback of the
 * services, in any state) over [from, to). Definitions in docs/metrics.md:
 * - a deployment is a succeeded promotion (not a rollback) that finished in the period;
 * - lead time is a deployment's finish minus its source commit time;
 * - a change is a promotion (not a rollback) that finished succeeded or failed in the period;
 *   it failed when it failed, or when the service's next succeeded production change is a
 *   rollback;
 * - a failure starts when a failed promotion finished, or when a rolled-back deployment finished;
 *   it is restored by the service's next succeeded production change after it started.
 */
export function computeDeliveryMetrics(
  changes: ProductionChange[],
  period: Period,
): Omit<DeliveryMetrics, 'scope' | 'entityRefs' | 'generatedAt'> {
  const inPeriod = (at?: Date) =>
    at !== undefined && at >= period.from && at < period.to;
  const outcomes = classify(changes);
  const deployments = outcomes.filter(
    o => o.change.kind === 'promotion' && o.change.state === 'succeeded',
  );
  const counted = outcomes.filter(
    o => o.change.kind === 'promotion' && inPeriod(o.change.finishedAt),
  );
  const periodDeployments = deployments.filter(o =>
    inPeriod(o.change.finishedAt),
  );
  const leadTimes = periodDeployments.flatMap(o => leadTimeOf(o.change));
  const failures = counted.filter(o => o.failed);
  const started = outcomes.filter(o => o.failed && inPeriod(o.failureStart));
  const restoreTimes = started.flatMap(o =>
    o.restoredAt ? [seconds(o.restoredAt, o.failureStart!)] : [],
  );
  const weeks = Math.max(
    (period.to.getTime() - period.from.getTime()) / WEEK_MS,
    Number.EPSILON,
  );
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    deploymentFrequency: {
      deployments: periodDeployments.length,
      perWeek: round(periodDeployments.length / weeks),
    },
    leadTime: {
      samples: leadTimes.length,
      medianSeconds: percentile(leadTimes, 0.5),
      p90Seconds: percentile(leadTimes, 0.9),
    },
    changeFailureRate: {
      changes: counted.length,
      failures: failures.length,
      rate: counted.length
        ? round(failures.length / counted.length)
        : undefined,
    },
    timeToRestore: {
      restored: restoreTimes.length,
      open: started.length - restoreTimes.length,
      medianSeconds: percentile(restoreTimes, 0.5),
    },
    weeks: weekly(counted, periodDeployments, period),
  };
}

type Outcome = {
  change: ProductionChange;
  /** A failed promotion, or a succeeded one that the next production change rolled back. */
  failed: boolean;
  failureStart?: Date;
  restoredAt?: Date;
};

/** Each finished change with whether it failed, when that failure started and was restored. */
function classify(changes: ProductionChange[]): Outcome[] {
  const byEntity = new Map<string, ProductionChange[]>();
  for (const change of changes) {
    if (!change.finishedAt) continue;
    if (change.state !== 'succeeded' && change.state !== 'failed') continue;
    const list = byEntity.get(change.entityRef) ?? [];
    list.push(change);
    byEntity.set(change.entityRef, list);
  }
  const outcomes: Outcome[] = [];
  for (const list of byEntity.values()) {
    list.sort((a, b) => a.finishedAt!.getTime() - b.finishedAt!.getTime());
    list.forEach((change, index) => {
      const nextSuccess = list
        .slice(index + 1)
        .find(c => c.state === 'succeeded');
      if (change.state === 'failed') {
        outcomes.push({
          change,
          failed: change.kind === 'promotion',
          failureStart: change.finishedAt,
          restoredAt: nextSuccess?.finishedAt,
        });
        return;
      }
      const rolledBack =
        change.kind === 'promotion' && nextSuccess?.kind === 'rollback';
      outcomes.push({
        change,
        failed: rolledBack,
        failureStart: rolledBack ? change.finishedAt : undefined,
        restoredAt: rolledBack ? nextSuccess.finishedAt : undefined,
      });
    });
  }
  return outcomes;
}

function leadTimeOf(change: ProductionChange): number[] {
  if (!change.sourceCommitAt || !change.finishedAt) return [];
  return [Math.max(0, seconds(change.finishedAt, change.sourceCommitAt))];
}

function weekly(
  counted: Outcome[],
  deployments: Outcome[],
  period: Period,
): DeliveryMetricsWeek[] {
  const weeks: DeliveryMetricsWeek[] = [];
  for (
    let start = period.from.getTime();
    start < period.to.getTime();
    start += WEEK_MS
  ) {
    const end = Math.min(start + WEEK_MS, period.to.getTime());
    const within = (o: Outcome) => {
      const at = o.change.finishedAt!.getTime();
      return at >= start && at < end;
    };
    const leadTimes = deployments
      .filter(within)
      .flatMap(o => leadTimeOf(o.change));
    weeks.push({
      start: new Date(start).toISOString(),
      deployments: deployments.filter(within).length,
      failures: counted.filter(o => o.failed && within(o)).length,
      leadTimeMedianSeconds: percentile(leadTimes, 0.5),
    });
  }
  return weeks;
}

function seconds(later: Date, earlier: Date): number {
  return Math.round((later.getTime() - earlier.getTime()) / 1000);
}

/** Nearest-rank percentile (the median of an even count is the mean of the middle two). */
function percentile(values: number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  if (p === 0.5) {
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2
      ? sorted[mid]
      : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
  }
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
