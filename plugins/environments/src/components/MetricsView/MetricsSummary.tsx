import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  type DeliveryMetrics,
  type DeliveryMetricsWeek,
  formatDuration,
} from '@stageline/plugin-environments-common';
import { type DataColumn, DataTable } from '../DataTable';
import { WeeklyChart } from './WeeklyChart';

const Stat = ({
  title,
  value,
  detail,
}: {
  title: string;
  value: string;
  detail: string;
}) => (
  <Grid item xs={12} sm={6} md={3}>
    <Typography variant="overline" component="h3">
      {title}
    </Typography>
    <Typography variant="h5" component="p">
      {value}
    </Typography>
    <Typography variant="caption" color="textSecondary">
      {detail}
    </Typography>
  </Grid>
);

const seconds = (s?: number) =>
  s === undefined ? '—' : formatDuration(s * 1000);

const columns: DataColumn<DeliveryMetricsWeek>[] = [
  { title: 'Week of', render: w => w.start.slice(0, 10) },
  { title: 'Deployments', render: w => String(w.deployments) },
  { title: 'Failed changes', render: w => String(w.failures) },
  {
    title: 'Lead time (median)',
    render: w => seconds(w.leadTimeMedianSeconds),
  },
];

/** The four delivery figures of a period, its weekly chart and the weekly numbers as a table. */
export const MetricsSummary = ({
  metrics: m,
}: {
  metrics: DeliveryMetrics;
}) => (
  <>
    <Grid container spacing={2}>
      <Stat
        title="Deployment frequency"
        value={`${m.deploymentFrequency.perWeek} / week`}
        detail={`${m.deploymentFrequency.deployments} production deployments`}
      />
      <Stat
        title="Lead time for changes"
        value={seconds(m.leadTime.medianSeconds)}
        detail={`median of ${m.leadTime.samples}; p90 ${seconds(
          m.leadTime.p90Seconds,
        )}`}
      />
      <Stat
        title="Change failure rate"
        value={
          m.changeFailureRate.rate === undefined
            ? '—'
            : `${Math.round(m.changeFailureRate.rate * 100)}%`
        }
        detail={`${m.changeFailureRate.failures} of ${m.changeFailureRate.changes} changes`}
      />
      <Stat
        title="Time to restore"
        value={seconds(m.timeToRestore.medianSeconds)}
        detail={`median of ${m.timeToRestore.restored} restored; ${m.timeToRestore.open} open`}
      />
    </Grid>
    <WeeklyChart weeks={m.weeks} />
    <DataTable
      label="Delivery metrics per week"
      columns={columns}
      rows={m.weeks}
      rowKey={w => w.start}
    />
    <Typography variant="caption" color="textSecondary">
      {m.entityRefs.length} service{m.entityRefs.length === 1 ? '' : 's'}{' '}
      counted.
    </Typography>
  </>
);
