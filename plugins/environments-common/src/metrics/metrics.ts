/**
 * One week of a metrics period (the last week may be shorter).
 *
 * @public
 */
export type DeliveryMetricsWeek = {
  /** Start of the week (ISO 8601), `from` plus a multiple of seven days. */
  start: string;
  /** Succeeded production promotions (rollbacks not counted) that finished in the week. */
  deployments: number;
  /** Of the deployments and failed promotions finished in the week, those that failed or were rolled back. */
  failures: number;
  /** Median lead time of the week's deployments with a known source commit time, in seconds. */
  leadTimeMedianSeconds?: number;
};

/**
 * Delivery metrics of a set of services over a period, from the promotion history. Every
 * definition is in the docs (`docs/metrics.md`).
 *
 * @public
 */
export type DeliveryMetrics = {
  /** What was asked for: `entityRef`, `system` or `group`, and its ref. */
  scope: { kind: 'entity' | 'system' | 'group'; ref: string };
  from: string;
  to: string;
  /** The services counted: those of the scope the caller may read. */
  entityRefs: string[];
  deploymentFrequency: {
    /** Succeeded production promotions finished in the period. */
    deployments: number;
    /** Deployments divided by the period's length in weeks. */
    perWeek: number;
  };
  leadTime: {
    /** Deployments with a known source commit time. */
    samples: number;
    medianSeconds?: number;
    p90Seconds?: number;
  };
  changeFailureRate: {
    /** Production promotions that finished (succeeded or failed) in the period. */
    changes: number;
    /** Of those, the failed ones and the succeeded ones the next production change rolled back. */
    failures: number;
    /** failures / changes; absent without changes. */
    rate?: number;
  };
  timeToRestore: {
    /** Failures that started in the period and were restored. */
    restored: number;
    /** Failures that started in the period and are not restored yet. */
    open: number;
    medianSeconds?: number;
  };
  weeks: DeliveryMetricsWeek[];
  generatedAt: string;
};
