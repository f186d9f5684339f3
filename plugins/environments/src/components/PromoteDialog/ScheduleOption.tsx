import { type Ref, useId } from 'react';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { exactTime } from '../Timestamp';
import type { ScheduleChoice } from './scheduleOf';

const useStyles = makeStyles(theme => ({
  group: { display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5) },
  time: { alignSelf: 'flex-start', minWidth: 260 },
}));

/**
 * Run the promotion later: not before a time the user picks (in their local time, the exact
 * instant with its zone shown back), and, while the target is frozen, once the freeze ends. A
 * scheduled promotion holds the target until it runs or is cancelled.
 */
export const ScheduleOption = (props: {
  choice: ScheduleChoice;
  onChange: (choice: ScheduleChoice) => void;
  /** The target is in a freeze window now: offer to run when it ends (until when, if known). */
  freeze?: { until?: string };
  problem?: string;
  timeRef?: Ref<HTMLInputElement>;
}) => {
  const { choice, onChange } = props;
  const classes = useStyles();
  const timeId = useId();
  const noteId = useId();
  const at = choice.notBefore ? new Date(choice.notBefore) : undefined;
  const valid = at && !Number.isNaN(at.getTime());
  return (
    <div className={classes.group} role="group" aria-label="When to run">
      <FormControlLabel
        control={
          <Checkbox
            checked={choice.later}
            onChange={e => onChange({ ...choice, later: e.target.checked })}
          />
        }
        label="Run later"
      />
      {choice.later && (
        <TextField
          id={timeId}
          className={classes.time}
          label="Not before"
          type="datetime-local"
          required
          variant="outlined"
          size="small"
          InputLabelProps={{ shrink: true }}
          value={choice.notBefore}
          onChange={e => onChange({ ...choice, notBefore: e.target.value })}
          error={Boolean(props.problem)}
          helperText={
            props.problem ??
            (valid
              ? `Runs at ${exactTime(at.toISOString())} or later`
              : 'Your local time')
          }
          inputRef={props.timeRef}
        />
      )}
      {props.freeze && (
        <FormControlLabel
          control={
            <Checkbox
              checked={choice.whenFreezeEnds}
              onChange={e =>
                onChange({ ...choice, whenFreezeEnds: e.target.checked })
              }
              inputProps={{ 'aria-describedby': noteId }}
            />
          }
          label="Run when the freeze ends"
        />
      )}
      {props.freeze && (
        <Typography variant="body2" color="textSecondary" id={noteId}>
          The target is in a freeze window
          {props.freeze.until ? ` until ${exactTime(props.freeze.until)}` : ''}.
          A scheduled promotion holds the target until it runs or is cancelled;
          its gates are checked again when it runs.
        </Typography>
      )}
    </div>
  );
};
