import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type { Promotion } from '@stageline/plugin-environments-common';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { environmentsApiRef } from '../../api/EnvironmentsApi';
import { useAction } from '../../hooks/useAction';
import { focusById } from '../../util/focusById';
import { useAnnounce } from '../Announcer';
import { ConfirmDialog } from '../ConfirmDialog';
import { ExternalLink } from '../ExternalLink';

/**
 * An approver's after-the-fact acknowledgement of a break-glass promotion, with a confirmation.
 * Shown to approvers other than the requester while it is unacknowledged; the backend decides,
 * and its refusal is shown as it says it. Afterwards the summary says who acknowledged it, when.
 */
export const AcknowledgeBreakGlass = (props: {
  promotion: Promotion;
  mayApprove: boolean;
  userRef?: string;
  /** Where focus goes once the button is gone. */
  headingId: string;
  onChanged: () => void;
}) => {
  const { promotion } = props;
  const api = useApi(environmentsApiRef);
  const announce = useAnnounce();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const acknowledge = useAction(
    () => api.acknowledgeBreakGlass(promotion.id),
    props.onChanged,
  );
  const breakGlass = promotion.breakGlass;
  if (!breakGlass || breakGlass.acknowledgedBy || !props.mayApprove) {
    return null;
  }
  const what = promotion.kind === 'rollback' ? 'rollback' : 'promotion';
  if (promotion.requestedBy === props.userRef) {
    return (
      <Typography variant="body2" color="textSecondary">
        You requested this break-glass {what}, so another approver acknowledges
        it.
      </Typography>
    );
  }
  const confirm = async () => {
    if (await acknowledge.run()) {
      setDone(true);
      setOpen(false);
      announce(
        `You acknowledged the break-glass ${what} into ${promotion.target}`,
      );
      focusById(props.headingId);
    }
  };
  return (
    <>
      <Button variant="contained" color="primary" onClick={() => setOpen(true)}>
        Acknowledge break-glass
      </Button>
      <ConfirmDialog
        open={open}
        title={`Acknowledge the break-glass ${what} into ${promotion.target}?`}
        confirmLabel="Acknowledge"
        pending={acknowledge.pending}
        error={acknowledge.error}
        disableRestoreFocus={done}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      >
        <Typography variant="body2" paragraph>
          It bypassed freeze windows, soak time and approvals. Acknowledging
          records that you, an approver, reviewed it after the fact; it is
          audited and cannot be undone.
        </Typography>
        <Typography variant="body2" paragraph>
          Reason: {promotion.reason ?? '—'}.{' '}
          <ExternalLink href={breakGlass.incident}>Incident</ExternalLink>
        </Typography>
      </ConfirmDialog>
    </>
  );
};
