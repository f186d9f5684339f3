import { InfoCard, WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useMemo, useState } from 'react';
import { fleetApiRef, type MetricsQuery } from '../../api/FleetApi';
import { usePolledValue } from '../../hooks/usePolledValue';
import { errorMessage } from '../../util/errorMessage';
import { PolledContent } from '../PolledContent';
import { MetricsSummary } from './MetricsSummary';

const DAY_MS = 24 * 3600_000;
const PERIODS = [4, 12, 26];

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
  const polled = usePolledValue(
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

  return (
    <InfoCard
      title="Delivery metrics"
      action={
        <>
          {periodSelect}{' '}
          <Button
            variant="outlined"
            onClick={download}
            disabled={!polled.value}
          >
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
      <PolledContent polled={polled} failure="Could not load delivery metrics">
        {metrics => <MetricsSummary metrics={metrics} />}
      </PolledContent>
    </InfoCard>
  );
};
