import type { GateResult } from '@stageline/plugin-environments-common';
import { makeStyles } from '@material-ui/core/styles';
import { gateLabels } from '../../util/gateLabels';
import { gateReason } from '../../util/gateReason';
import { type StatusKind, StatusWord } from '../StatusWord';

const useStyles = makeStyles(theme => ({
  list: {
    listStyle: 'none',
    padding: 0,
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
  },
}));

/** Every gate of a promotion, by its human name, with a pass or fail icon and its reason. */
export const GateChecklist = (props: {
  gates: GateResult[];
  target: string;
}) => {
  const classes = useStyles();
  return (
    <ul aria-label="Gates" className={classes.list}>
      {props.gates.map(gate => {
        const label = gateLabels[gate.id] ?? gate.id;
        const waits = !gate.passed && !gate.blocksRequest;
        let kind: StatusKind = 'error';
        if (gate.passed) kind = 'ok';
        else if (waits) kind = 'pending';
        return (
          <li
            key={gate.id}
            aria-label={`${label} ${gate.passed ? 'passed' : 'failed'}`}
          >
            <StatusWord kind={kind}>
              {label}: {gateReason(gate, props.target)}
              {waits ? ' (the request waits)' : ''}
            </StatusWord>
          </li>
        );
      })}
    </ul>
  );
};
