import { useId } from 'react';
import { Link } from '@backstage/core-components';
import type { Promotion } from '@stageline/plugin-environments-common';
import Alert from '@material-ui/lab/Alert';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useDisplayNames } from '../../hooks/useDisplayNames';
import { ExternalLink } from '../ExternalLink';
import { Timestamp } from '../Timestamp';

const useStyles = makeStyles(theme => ({
  heading: { margin: 0, fontSize: theme.typography.body1.fontSize },
  list: { margin: theme.spacing(0.5, 0, 0), paddingLeft: theme.spacing(2) },
}));

/**
 * The service's break-glass promotions no approver acknowledged yet, each linking to its detail
 * view (where an approver acknowledges it). Nothing when there are none.
 */
export const UnacknowledgedBreakGlass = (props: {
  promotions: Promotion[];
}) => {
  const classes = useStyles();
  const headingId = useId();
  const nameOf = useDisplayNames(props.promotions.map(p => p.requestedBy));
  if (!props.promotions.length) return null;
  return (
    <Alert severity="warning" role="region" aria-labelledby={headingId}>
      <Typography component="h2" className={classes.heading} id={headingId}>
        Break-glass promotions awaiting acknowledgement
      </Typography>
      <ul className={classes.list}>
        {props.promotions.map(p => (
          <li key={p.id}>
            <Typography variant="body2" component="span">
              <Link to={`promotions/${encodeURIComponent(p.id)}`}>
                {p.kind === 'rollback' ? 'Rollback' : 'Promotion'} into{' '}
                {p.target}
              </Link>{' '}
              by {nameOf(p.requestedBy)}, <Timestamp iso={p.createdAt} />
              {p.reason ? `: ${p.reason}` : ''}{' '}
              {p.breakGlass && (
                <ExternalLink
                  href={p.breakGlass.incident}
                  aria-label={`Incident of the ${p.kind} into ${p.target}`}
                >
                  Incident
                </ExternalLink>
              )}
            </Typography>
          </li>
        ))}
      </ul>
    </Alert>
  );
};
