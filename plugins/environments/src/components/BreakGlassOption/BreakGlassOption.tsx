import { type Ref, useId } from 'react';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  box: {
    border: `1px solid ${theme.palette.secondary.main}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(1, 1.5),
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
  },
  label: { fontWeight: theme.typography.fontWeightBold as number },
}));

/** The label of the option, as the user (and a test) finds it. */
export const BREAK_GLASS_LABEL =
  'Break glass: bypass freeze windows, soak time and approvals';

/**
 * The break-glass option of a promote or rollback request, for users who hold
 * `environments.promote.breakglass`: a clearly marked checkbox that, once ticked, says what it
 * bypasses and what it never does, and asks for the incident link (the reason is the form's own
 * field, then required).
 */
export const BreakGlassOption = (props: {
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  incident: string;
  onIncidentChange: (incident: string) => void;
  /** Shown once the user tried to send without a valid incident link. */
  incidentError?: string;
  incidentRef?: Ref<HTMLInputElement>;
  what: 'promotion' | 'rollback';
}) => {
  const classes = useStyles();
  const explanationId = useId();
  const incidentId = useId();
  return (
    <div className={classes.box} role="group" aria-label="Break glass">
      <FormControlLabel
        control={
          <Checkbox
            checked={props.checked}
            onChange={e => props.onCheckedChange(e.target.checked)}
            inputProps={{ 'aria-describedby': explanationId }}
          />
        }
        label={<span className={classes.label}>{BREAK_GLASS_LABEL}</span>}
      />
      <Typography variant="body2" id={explanationId}>
        For an incident only. The {props.what} skips freeze windows, soak time,
        the source&apos;s health duration and approvals; it never skips the
        digest check (what is written is exactly what ran) or the rule of one
        promotion in flight per environment. It is audited, the target&apos;s
        approvers are notified, and one of them acknowledges it afterwards.
      </Typography>
      {props.checked && (
        <TextField
          id={incidentId}
          label="Incident link"
          placeholder="https://"
          type="url"
          required
          variant="outlined"
          size="small"
          value={props.incident}
          onChange={e => props.onIncidentChange(e.target.value)}
          error={Boolean(props.incidentError)}
          helperText={
            props.incidentError ??
            'The incident this answers, e.g. its page in your incident tool'
          }
          inputRef={props.incidentRef}
        />
      )}
    </div>
  );
};
