import { type Ref, useId } from 'react';
import TextField from '@material-ui/core/TextField';
import { BreakGlassOption } from './BreakGlassOption';
import type { BreakGlassForm } from './useBreakGlassForm';

/**
 * The end of a promote or rollback request form: the break-glass option, for users who may
 * break glass, and the request's reason, which break glass makes required. The form keeps the
 * reason (each has its own default) and checks both before sending.
 */
export const BreakGlassReasonFields = (props: {
  breakGlass: BreakGlassForm;
  /** The user holds `environments.promote.breakglass`: offer the option. */
  mayBreakGlass: boolean;
  what: 'promotion' | 'rollback';
  reason: string;
  onReasonChange: (reason: string) => void;
  reasonRef: Ref<HTMLInputElement>;
  /** In a plain dialog body the reason takes the full width with normal spacing around it. */
  fullWidth?: boolean;
}) => {
  const { breakGlass, reason } = props;
  const reasonId = useId();
  const shown = breakGlass.shown(reason);
  return (
    <>
      {props.mayBreakGlass && (
        <BreakGlassOption
          what={props.what}
          checked={breakGlass.checked}
          onCheckedChange={breakGlass.setChecked}
          incident={breakGlass.incident}
          onIncidentChange={breakGlass.setIncident}
          incidentError={shown.incident}
          incidentRef={breakGlass.incidentRef}
        />
      )}
      <TextField
        id={reasonId}
        label="Reason"
        fullWidth={props.fullWidth}
        multiline
        minRows={2}
        margin={props.fullWidth ? 'normal' : undefined}
        variant="outlined"
        value={reason}
        onChange={e => props.onReasonChange(e.target.value)}
        required={breakGlass.checked}
        error={Boolean(shown.reason)}
        helperText={shown.reason}
        inputRef={props.reasonRef}
      />
    </>
  );
};
