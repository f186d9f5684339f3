import { InfoCard, Progress, WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { formatDuration } from '@stageline/plugin-environments-common';
import Typography from '@material-ui/core/Typography';
import { useMemo, useState } from 'react';
import { fleetApiRef, type MetricsQuery } from '../../api/FleetApi';
import { usePolledValue } from '../../hooks/usePolledValue';
import { errorMessage } from '../../util/errorMessage';
import { type DataColumn, DataTable } from '../DataTable';
import { WeeklyChart } from './WeeklyChart';

const DAY_MS = 24 * 3600_000;
const PERIODS = [4, 12, 26];

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

/**
 * Delivery metrics of a service, System or Group over a chosen number of weeks: the four figures,
 * a weekly chart, the weekly numbers as a table, and a CSV download of them.
 */
export const MetricsView = ({
  scope,
}: {
  /** Exactly one of entityRef, system, group. */
  scope: Pick<MetricsQuery, 'entityRef' | 'system' | 'group'>;
}) => {
  const api = useApi(fleetApiRef);
  const [weeks, setWeeks] = useState(4);
  const [downloadError, setDownloadError] = useState<string>();
  // The period ends at the start of the current hour, so a reload asks the same question.
  const query = useMemo<MetricsQuery>(() => {
    const to = new Date(Math.floor(Date.now() / 3600_000) * 3600_000);
    const from = new Date(to.getTime() - weeks * 7 * DAY_MS);
    return { ...scope, from: from.toISOString(), to: to.toISOString() };
  }, [scope, weeks]);
  const { value, error, loading } = usePolledValue(
    `metrics ${JSON.stringify(query)}`,
    () => api.getMetrics(query),
    300_000,
  );

  const download = async () => {
    setDownloadError(undefined);
    try {
      const csv = await api.getMetricsCsv(query);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = 'delivery-metrics.csv';
      link.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setDownloadError(errorMessage(e));
    }
  };

  const periodSelect = (
    <TextField
      id="metrics-period"
      select
      label="Period"
      value={weeks}
      onChange={e => setWeeks(Number(e.target.value))}
      size="small"
      variant="outlined"
    >
      {PERIODS.map(n => (
        <MenuItem key={n} value={n}>
          Last {n} weeks
        </MenuItem>
      ))}
    </TextField>
  );

  let body;
  if (loading) body = <Progress />;
  else if (error && !value) {
    body = (
      <WarningPanel
        severity="error"
        title="Could not load delivery metrics"
        message={errorMessage(error)}
      />
    );
  } else if (value) {
    const m = value;
    const columns: DataColumn<(typeof m.weeks)[number]>[] = [
      { title: 'Week of', render: w => w.start.slice(0, 10) },
      { title: 'Deployments', render: w => String(w.deployments) },
      { title: 'Failed changes', render: w => String(w.failures) },
      {
        title: 'Lead time (median)',
        render: w => seconds(w.leadTimeMedianSeconds),
      },
    ];
    body = (
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
  }

  return (
    <InfoCard
      title="Delivery metrics"
      action={
        <>
          {periodSelect}{' '}
          <Button variant="outlined" onClick={download} disabled={!value}>
            Download CSV
          </Button>
        </>
      }
    >
      {downloadError && (
        <WarningPanel
          severity="error"
          title="Could not download the CSV"
          message={downloadError}
        />
      )}
      {body}
    </InfoCard>
  );
};
