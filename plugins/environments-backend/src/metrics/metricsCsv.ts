import type { DeliveryMetrics } from '@stageline/plugin-environments-common';

const HEADER = [
  'week_start',
  'deployments',
  'failures',
  'lead_time_median_seconds',
];

/**
 * The weekly series of the metrics as CSV (RFC 4180, CRLF line ends): one row per week, the
 * lead time empty for a week without a known one. Values are numbers and ISO dates only, so
 * nothing needs quoting and no cell can start a spreadsheet formula.
 */
export function metricsCsv(metrics: DeliveryMetrics): string {
  const rows = metrics.weeks.map(week => [
    week.start,
    String(week.deployments),
    String(week.failures),
    week.leadTimeMedianSeconds === undefined
      ? ''
      : String(week.leadTimeMedianSeconds),
  ]);
  return `${[HEADER, ...rows].map(row => row.join(',')).join('\r\n')}\r\n`;
}
