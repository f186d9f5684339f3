import { Content, Header, InfoCard, Page } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { AwaitingAcknowledgementList } from '../AwaitingAcknowledgementList';
import { AwaitingApprovalsList } from '../AwaitingApprovalsList';
import { MetricsView } from '../MetricsView';
import {
  FleetFilters,
  type FleetFilterValues,
  filtersFromParams,
  paramsFromFilters,
  toFleetQuery,
} from './FleetFilters';
import { FleetSection } from './FleetSection';

const useStyles = makeStyles({
  // A section that shows nothing takes no room either.
  hiddenWhenEmpty: { '&:empty': { display: 'none' } },
});

/**
 * The Environments page: every service's environments at once, with filters and search, the
 * promotions awaiting the signed-in user's approval, the break-glass promotions awaiting
 * acknowledgement (when there are any), and the delivery metrics of a System or a Group.
 */
export const FleetPage = () => {
  const classes = useStyles();
  // The filters live in the page address, so a filtered view can be shared or bookmarked.
  const [params, setParams] = useSearchParams();
  const [filters, setFiltersState] = useState<FleetFilterValues>(() =>
    filtersFromParams(params),
  );
  const setFilters = (values: FleetFilterValues) => {
    setFiltersState(values);
    setParams(paramsFromFilters(values), { replace: true });
  };
  const query = useMemo(() => toFleetQuery(filters), [filters]);
  const [metricsKind, setMetricsKind] = useState<'system' | 'group'>('system');
  const [metricsRef, setMetricsRef] = useState('');
  const scope = useMemo(
    () => ({ [metricsKind]: metricsRef.trim() }),
    [metricsKind, metricsRef],
  );
  return (
    <Page themeId="tool">
      <Header
        title="Environments"
        subtitle="Every service's environments, promotions awaiting you, and delivery metrics"
      />
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <InfoCard title="Awaiting my approval">
              <AwaitingApprovalsList />
            </InfoCard>
          </Grid>
          <Grid item xs={12} className={classes.hiddenWhenEmpty}>
            <AwaitingAcknowledgementList />
          </Grid>
          <Grid item xs={12}>
            <InfoCard title="Services">
              <FleetFilters values={filters} onChange={setFilters} />
              <FleetSection query={query} />
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <Grid container spacing={2}>
              <Grid item xs={6} sm={3} md={2}>
                <TextField
                  id="metrics-scope-kind"
                  select
                  label="Metrics of a"
                  value={metricsKind}
                  onChange={e =>
                    setMetricsKind(e.target.value as 'system' | 'group')
                  }
                  size="small"
                  variant="outlined"
                  fullWidth
                >
                  <MenuItem value="system">System</MenuItem>
                  <MenuItem value="group">Group</MenuItem>
                </TextField>
              </Grid>
              <Grid item xs={6} sm={5} md={4}>
                <TextField
                  id="metrics-scope-ref"
                  label={`Metrics for ${metricsKind}`}
                  value={metricsRef}
                  onChange={e => setMetricsRef(e.target.value)}
                  helperText={
                    metricsKind === 'system' ? 'e.g. shop' : 'e.g. team-a'
                  }
                  size="small"
                  variant="outlined"
                  fullWidth
                />
              </Grid>
            </Grid>
            {metricsRef.trim() && <MetricsView scope={scope} />}
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
};
