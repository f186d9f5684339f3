import { useEffect, useState } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  EntityEnvironmentsLink,
  fleetApiRef,
  useDisplayNames,
} from '@stageline/plugin-environments';
import type { AwaitingApproval } from '@stageline/plugin-environments-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: { padding: theme.spacing(0.5, 0) },
}));

/**
 * The promotions the signed-in user could approve now, in any service (not only the ones they
 * own): each links to its detail view, where the approval form is.
 */
export const AwaitingMyApprovalContent = () => {
  const classes = useStyles();
  const fleet = useApi(fleetApiRef);
  const [state, setState] = useState<{
    promotions?: AwaitingApproval[];
    error?: Error;
  }>({});

  useEffect(() => {
    let shown = true;
    fleet.getAwaitingApprovals().then(
      ({ promotions }) => shown && setState({ promotions }),
      error => shown && setState({ error }),
    );
    return () => {
      shown = false;
    };
  }, [fleet]);
  const nameOf = useDisplayNames(
    (state.promotions ?? []).map(p => p.requestedBy),
  );

  if (state.error) return <ResponseErrorPanel error={state.error} />;
  if (!state.promotions) return <Progress />;
  if (state.promotions.length === 0) {
    return (
      <Typography variant="body2">Nothing awaits your approval.</Typography>
    );
  }
  return (
    <ul className={classes.list} aria-label="Awaiting your approval">
      {state.promotions.map(p => (
        <li key={p.id} className={classes.item}>
          <EntityEnvironmentsLink entityRef={p.entityRef} promotionId={p.id}>
            {parseEntityRef(p.entityRef).name}: promotion into {p.target}
          </EntityEnvironmentsLink>
          <Typography variant="body2" component="span">
            {' '}
            {p.approvals} of {p.approvalsRequired} approvals, requested by{' '}
            {nameOf(p.requestedBy)}
          </Typography>
        </li>
      ))}
    </ul>
  );
};
