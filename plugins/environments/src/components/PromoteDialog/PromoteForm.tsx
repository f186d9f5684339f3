import { useEffect, useRef, useState } from 'react';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  type EnvironmentState,
  type PromotionReadiness,
  formatImageReference,
} from '@stageline/plugin-environments-common';
import Button from '@material-ui/core/Button';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { environmentsApiRef } from '../../api/EnvironmentsApi';
import { useAction } from '../../hooks/useAction';
import {
  breakGlassClears,
  freezeEndClears,
  inFreezeWindow,
  refusingGates,
} from '../../util/breakGlassGates';
import { newIdempotencyKey } from '../../util/newIdempotencyKey';
import { useAnnounce } from '../Announcer';
import { BreakGlassReasonFields, useBreakGlassForm } from '../BreakGlassOption';
import { GateChecklist } from '../GateChecklist';
import { InlineRow } from '../InlineRow';
import { VersionLabel } from '../VersionLabel';
import { CommitList } from './CommitList';
import { PromotionProgress } from './PromotionProgress';
import { ScheduleOption } from './ScheduleOption';
import { type ScheduleChoice, scheduleOf } from './scheduleOf';

const useStyles = makeStyles(theme => ({
  content: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1.5),
    overflowWrap: 'anywhere',
  },
  heading: { margin: 0 },
}));

/** What the promote dialog shows and does: the request's readiness and its target. */
export type PromoteFormProps = {
  readiness: PromotionReadiness;
  target: EnvironmentState;
  projectSlug?: string;
  /** The user holds `environments.promote.breakglass`: offer the break-glass option. */
  mayBreakGlass: boolean;
  onClose: () => void;
  onChanged: () => void;
};

/**
 * The promote dialog's content. Mounted per opening, so each opening has its own idempotency key
 * and a double click submits one promotion. Once requested, it becomes that promotion's progress
 * view (its gates, which now include the promotion itself, are no longer the question).
 */
export const PromoteForm = (props: PromoteFormProps) => {
  const { readiness, target } = props;
  const classes = useStyles();
  const { entity } = useEntity();
  const entityRef = getCompoundEntityRef(entity);
  const api = useApi(environmentsApiRef);
  const announce = useAnnounce();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [reason, setReason] = useState('');
  const reasonField = useRef<HTMLInputElement>(null);
  const breakGlass = useBreakGlassForm();
  const [choice, setChoice] = useState<ScheduleChoice>({
    later: false,
    notBefore: '',
    whenFreezeEnds: false,
  });
  const [scheduleTried, setScheduleTried] = useState(false);
  const timeField = useRef<HTMLInputElement>(null);
  const scheduled = scheduleOf(choice);
  const [promotionId, setPromotionId] = useState<string>();
  const progressHeading = useRef<HTMLHeadingElement>(null);
  const submit = useAction(async () => {
    const promotion = await api.requestPromotion(entityRef, {
      target: readiness.target,
      ...(readiness.version
        ? { version: formatImageReference(readiness.version) }
        : {}),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      ...breakGlass.body(),
      ...(scheduled.schedule ? { schedule: scheduled.schedule } : {}),
      idempotencyKey,
    });
    setPromotionId(promotion.id);
  }, props.onChanged);
  const request = () => {
    const problem = breakGlass.check(reason, reasonField.current);
    if (problem) {
      announce(problem);
      return;
    }
    if (scheduled.problem) {
      setScheduleTried(true);
      timeField.current?.focus();
      announce(scheduled.problem);
      return;
    }
    submit.run();
  };
  const freezeGate = readiness.gates.find(
    g => g.id === 'freeze-window' && !g.passed,
  );
  // What a plain request would be refused for, and what lets it through instead.
  const refused = refusingGates(readiness).length > 0;
  const cleared =
    (breakGlass.checked && breakGlassClears(readiness)) ||
    (choice.whenFreezeEnds && freezeEndClears(readiness));
  const ways = [
    ...(props.mayBreakGlass && breakGlassClears(readiness)
      ? ['break glass']
      : []),
    ...(freezeEndClears(readiness) ? ['run it when the freeze ends'] : []),
  ];
  // The Request button is gone: focus moves to the heading of what replaced it.
  useEffect(() => {
    if (promotionId) progressHeading.current?.focus();
  }, [promotionId]);

  const current = target.desired?.image;
  const version = (
    <InlineRow label="Version to promote">
      <Typography variant="body2" component="span">
        Version
      </Typography>
      <VersionLabel image={readiness.version} projectSlug={props.projectSlug} />
      <Typography variant="body2" component="span" color="textSecondary">
        (now in {readiness.target}:
      </Typography>
      <VersionLabel image={current} projectSlug={props.projectSlug} />
      <Typography variant="body2" component="span" color="textSecondary">
        )
      </Typography>
    </InlineRow>
  );

  if (promotionId) {
    return (
      <>
        <DialogContent className={classes.content}>
          <Typography
            variant="h6"
            component="h3"
            className={classes.heading}
            tabIndex={-1}
            ref={progressHeading}
          >
            Promotion requested
          </Typography>
          {version}
          <PromotionProgress promotionId={promotionId} />
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>Close</Button>
        </DialogActions>
      </>
    );
  }

  return (
    <>
      <DialogContent className={classes.content}>
        {version}
        <Typography variant="h6" component="h3" className={classes.heading}>
          Changes
        </Typography>
        <CommitList
          entityRef={entityRef}
          from={current ? formatImageReference(current) : undefined}
          to={readiness.version && formatImageReference(readiness.version)}
        />
        <Typography variant="h6" component="h3" className={classes.heading}>
          Gates
        </Typography>
        <GateChecklist gates={readiness.gates} target={readiness.target} />
        <Typography variant="body2">
          {readiness.approvalsRequired > 0
            ? `Needs ${readiness.approvalsRequired} approvals from other users before it runs.`
            : 'No approvals needed.'}
        </Typography>
        {refused && !cleared && ways.length > 0 && (
          <Typography variant="body2">
            A request now is refused by the gates above; you may{' '}
            {ways.join(' or ')}.
          </Typography>
        )}
        <ScheduleOption
          choice={choice}
          onChange={setChoice}
          freeze={
            inFreezeWindow(readiness) ? { until: freezeGate?.until } : undefined
          }
          problem={scheduleTried ? scheduled.problem : undefined}
          timeRef={timeField}
        />
        <BreakGlassReasonFields
          breakGlass={breakGlass}
          mayBreakGlass={props.mayBreakGlass}
          what="promotion"
          reason={reason}
          onReasonChange={setReason}
          reasonRef={reasonField}
        />
        {submit.error && (
          <Typography role="alert" variant="body2" color="error">
            {submit.error}
          </Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Close</Button>
        <Button
          variant="contained"
          color="primary"
          disabled={submit.pending}
          onClick={request}
        >
          Request promotion
        </Button>
      </DialogActions>
    </>
  );
};
