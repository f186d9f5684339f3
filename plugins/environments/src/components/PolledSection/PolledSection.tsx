import type { ReactNode } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { PolledValue } from '../../hooks/usePolledValue';
import { errorMessage } from '../../util/errorMessage';
import { isTooManyRequests } from '../../util/tooManyRequests';

const useStyles = makeStyles(theme => ({
  section: { display: 'flex', flexDirection: 'column', gap: theme.spacing(2) },
  title: { margin: 0 },
}));

/**
 * A titled part of the tab with its own loading and error states, so one failing endpoint never
 * blanks the others; after a failed refresh the last data stays, with a note.
 */
export function PolledSection<T>(props: {
  title: string;
  polled: PolledValue<T>;
  children: (value: T) => ReactNode;
}) {
  const classes = useStyles();
  const { value, error, loading } = props.polled;
  let body: ReactNode = null;
  if (value !== undefined) body = props.children(value);
  // A 429 is no failure to investigate: say when to try again rather than show the error panel.
  else if (isTooManyRequests(error)) {
    body = <Typography variant="body2">{errorMessage(error)}</Typography>;
  } else if (error) body = <ResponseErrorPanel error={error} />;
  else if (loading) body = <Progress />;
  return (
    <section aria-label={props.title} className={classes.section}>
      <Typography variant="h5" component="h2" className={classes.title}>
        {props.title}
      </Typography>
      {value !== undefined && error && (
        <Typography variant="body2">
          Could not refresh: {errorMessage(error)}
        </Typography>
      )}
      {body}
    </section>
  );
}
