import type { ReactNode } from 'react';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: theme.spacing(0.5, 1),
  },
}));

/**
 * One line of short pieces (a label, a version, a status word) that wraps where the card or
 * dialog is narrow, the pieces aligned on their text. With a `label`, assistive technology reads
 * it as one named group.
 */
export const InlineRow = (props: { label?: string; children: ReactNode }) => {
  const classes = useStyles();
  return (
    <div
      className={classes.row}
      {...(props.label ? { role: 'group', 'aria-label': props.label } : {})}
    >
      {props.children}
    </div>
  );
};
