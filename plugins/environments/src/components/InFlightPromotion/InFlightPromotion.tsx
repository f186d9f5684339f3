import { useLayoutEffect, useRef, useState } from 'react';
import type {
  ApprovalRequest,
  ImageReference,
  Promotion,
} from '@stageline/plugin-environments-common';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useApi } from '@backstage/core-plugin-api';
import { environmentsApiRef } from '../../api/EnvironmentsApi';
import { useAction } from '../../hooks/useAction';
import { useDisplayNames } from '../../hooks/useDisplayNames';
import { focusById } from '../../util/focusById';
import { stateLabel } from '../../util/stateLabel';
import { useAnnounce } from '../Announcer';
import { ConfirmDialog } from '../ConfirmDialog';
import { environmentHeadingId } from '../EnvironmentCard/EnvironmentCard';
import { PromotionLinks } from '../PromotionLinks';
import { VersionLabel } from '../VersionLabel';
import { WaitingFor } from '../WaitingFor';
import { ApprovalForm } from './ApprovalForm';
import { approvalHint } from './approvalHint';

const useStyles = makeStyles(theme => ({
  box: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(1),
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
  },
  heading: { margin: 0, fontSize: theme.typography.body1.fontSize },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: theme.spacing(0.5),
  },
  cancel: { alignSelf: 'flex-start' },
}));

const CANCELLABLE = ['requested', 'awaiting-approval'];

/** The id of the in-flight section's heading for a target: where focus goes after a decision. */
const headingId = (target: string) => `stageline-in-flight-${target}-heading`;

/** A promotion on its way into this environment: state, links, approvals and what you may do. */
export const InFlightPromotion = (props: {
  promotion: Promotion;
  /** What the target declares in Git now, as its card shows: the base an approval is for. */
  targetBase?: ImageReference;
  userRef?: string;
  mayApprove: boolean;
  mayPromote: boolean;
  projectSlug?: string;
  onChanged: () => void;
}) => {
  const { promotion } = props;
  const classes = useStyles();
  const api = useApi(environmentsApiRef);
  const announce = useAnnounce();
  const [confirming, setConfirming] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const section = useRef<HTMLElement>(null);
  const cancel = useAction(
    () => api.cancelPromotion(promotion.id),
    props.onChanged,
  );
  const what = promotion.kind === 'rollback' ? 'Rollback' : 'Promotion';
  const cardHeading = environmentHeadingId(promotion.target);

  // When the promotion leaves (it finished or was cancelled) while focus is inside, focus would
  // fall to the page: it goes to the environment's heading instead.
  useLayoutEffect(() => {
    const node = section.current;
    return () => {
      if (node?.contains(document.activeElement)) focusById(cardHeading);
    };
  }, [cardHeading]);

  const validApprovals = promotion.approvals.filter(
    a => a.valid && a.decision === 'approved',
  );
  // People by their catalog display names, the requester's and the approvers' in one request.
  const nameOf = useDisplayNames([
    promotion.requestedBy,
    ...validApprovals.map(a => a.user),
  ]);
  const hint = approvalHint(promotion, props.userRef, props.mayApprove);
  const mayCancel =
    CANCELLABLE.includes(promotion.state) &&
    (props.mayPromote || promotion.requestedBy === props.userRef);
  const onDecided = (decision: ApprovalRequest['decision']) => {
    announce(
      `You ${decision === 'approve' ? 'approved' : 'rejected'} the ${
        what === 'Rollback' ? 'rollback' : 'promotion'
      } into ${promotion.target}`,
    );
    focusById(headingId(promotion.target), cardHeading);
  };
  const confirmCancel = async () => {
    if (await cancel.run()) {
      setCancelled(true);
      setConfirming(false);
      announce(`${what} into ${promotion.target} cancelled`);
      focusById(cardHeading);
    }
  };

  return (
    <section
      ref={section}
      aria-label="Promotion in flight"
      className={classes.box}
    >
      <Typography
        component="h4"
        variant="subtitle2"
        className={classes.heading}
        id={headingId(promotion.target)}
        tabIndex={-1}
      >
        {what}: {stateLabel(promotion)}
      </Typography>
      <div className={classes.row}>
        <Typography variant="body2" component="span">
          Version
        </Typography>
        <VersionLabel
          image={promotion.version}
          projectSlug={props.projectSlug}
        />
      </div>
      <Typography variant="body2" color="textSecondary">
        requested by {nameOf(promotion.requestedBy)}
        {promotion.reason ? `: ${promotion.reason}` : ''}
      </Typography>
      <WaitingFor promotion={promotion} />
      {promotion.stateReason && (
        <Typography variant="body2">{promotion.stateReason}</Typography>
      )}
      {promotion.approvalsRequired > 0 && (
        <Typography variant="body2">
          {validApprovals.length} of {promotion.approvalsRequired} approvals
          {validApprovals.length
            ? ` (${validApprovals.map(a => nameOf(a.user)).join(', ')})`
            : ''}
        </Typography>
      )}
      <PromotionLinks links={promotion.links} />
      {promotion.state === 'awaiting-approval' &&
        (hint ? (
          <Typography variant="body2" color="textSecondary">
            {hint}
          </Typography>
        ) : (
          <ApprovalForm
            promotionId={promotion.id}
            version={promotion.version}
            targetBase={props.targetBase}
            onChanged={props.onChanged}
            onDecided={onDecided}
          />
        ))}
      {mayCancel && (
        <Button
          className={classes.cancel}
          size="small"
          variant="outlined"
          onClick={() => setConfirming(true)}
        >
          Cancel promotion
        </Button>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Cancel the ${what.toLowerCase()} into ${promotion.target}?`}
        confirmLabel={`Cancel ${what.toLowerCase()}`}
        dismissLabel={`Keep the ${what.toLowerCase()}`}
        destructive
        pending={cancel.pending}
        error={cancel.error}
        disableRestoreFocus={cancelled}
        onConfirm={confirmCancel}
        onClose={() => setConfirming(false)}
      >
        <Typography variant="body2">
          Nothing has been written to Git yet; the {what.toLowerCase()} ends
          here and can be requested again.
        </Typography>
      </ConfirmDialog>
    </section>
  );
};
