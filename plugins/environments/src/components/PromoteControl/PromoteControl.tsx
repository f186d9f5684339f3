import { useId, useState } from 'react';
import type {
  EnvironmentState,
  PromotionReadiness,
} from '@stageline/plugin-environments-common';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { EnvironmentsPermissions } from '../../hooks/useEnvironmentsPermissions';
import {
  breakGlassClears,
  freezeEndClears,
  refusingGates,
} from '../../util/breakGlassGates';
import { DetailsToggle } from '../DetailsToggle';
import { PromoteDialog } from '../PromoteDialog';
import { blockedSummary } from './blockedSummary';
import { promoteBlockedReasons } from './promoteBlockedReasons';

const useStyles = makeStyles(theme => ({
  group: { display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5) },
  button: { alignSelf: 'flex-start', whiteSpace: 'nowrap' },
  list: { margin: 0, paddingLeft: theme.spacing(2) },
}));

/**
 * How a request can still go while gates refuse a plain one: as break-glass (for its holders,
 * when only the gates it bypasses fail) or to run when the freeze ends (when only the freeze
 * window fails). Undefined when neither helps, or the user may not promote at all.
 */
function anotherWay(
  readiness: PromotionReadiness,
  permissions: EnvironmentsPermissions,
): string | undefined {
  const allowed =
    permissions.promote &&
    (!readiness.protected || permissions.promoteProtected);
  if (!allowed || !readiness.version || readiness.notReadyReason) {
    return undefined;
  }
  if (refusingGates(readiness).length === 0) return undefined;
  const ways = [
    ...(freezeEndClears(readiness) ? ['run when the freeze ends'] : []),
    ...(permissions.breakGlass && breakGlassClears(readiness)
      ? ['break glass']
      : []),
  ];
  return ways.length ? `you may still ${ways.join(' or ')}` : undefined;
}

/**
 * Promote the previous environment's version into this one. A blocked Promote stays focusable
 * (`aria-disabled`) and is described by its reason in plain language, so a keyboard or screen
 * reader user learns why, not only that it does nothing.
 */
export const PromoteControl = (props: {
  readiness: PromotionReadiness;
  target: EnvironmentState;
  permissions: EnvironmentsPermissions;
  /** Reasons some card already shows, with the environment that shows each. */
  shownReasons: ReadonlyMap<string, string>;
  projectSlug?: string;
  onChanged: () => void;
}) => {
  const { readiness, target } = props;
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const reasonId = useId();
  const reasons = promoteBlockedReasons(readiness, props.permissions);
  const summary = blockedSummary(reasons, props.shownReasons);
  const way = anotherWay(readiness, props.permissions);
  const blocked = summary !== undefined && !way;
  return (
    <div
      className={classes.group}
      role="group"
      aria-label={`Promote ${readiness.source} to ${readiness.target}`}
    >
      <Button
        className={classes.button}
        size="small"
        variant={blocked ? 'outlined' : 'contained'}
        color="primary"
        aria-disabled={blocked || undefined}
        aria-describedby={summary !== undefined ? reasonId : undefined}
        onClick={() => !blocked && setOpen(true)}
      >
        Promote to {readiness.target}
      </Button>
      <Typography variant="body2" color="textSecondary">
        from {readiness.source}
        {readiness.approvalsRequired > 0
          ? `; needs ${readiness.approvalsRequired} approvals`
          : ''}
      </Typography>
      {summary !== undefined && (
        <Typography variant="body2" id={reasonId}>
          {summary}
          {blocked ? '' : ` (${way})`}
        </Typography>
      )}
      {reasons.length > 1 && (
        <DetailsToggle
          label={`Why promoting to ${readiness.target} is blocked`}
        >
          <ul className={classes.list}>
            {reasons.map(reason => (
              <li key={reason}>
                <Typography variant="body2">{reason}</Typography>
              </li>
            ))}
          </ul>
        </DetailsToggle>
      )}
      <PromoteDialog
        open={open}
        readiness={readiness}
        target={target}
        projectSlug={props.projectSlug}
        mayBreakGlass={props.permissions.breakGlass}
        onClose={() => setOpen(false)}
        onChanged={props.onChanged}
      />
    </div>
  );
};
