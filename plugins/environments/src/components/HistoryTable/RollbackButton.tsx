import { useState, useRef } from 'react';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  type Promotion,
  formatImageReference,
  shortVersion,
} from '@stageline/plugin-environments-common';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { environmentsApiRef } from '../../api/EnvironmentsApi';
import { useAction } from '../../hooks/useAction';
import { useEnvironmentsPermissions } from '../../hooks/useEnvironmentsPermissions';
import { newIdempotencyKey } from '../../util/newIdempotencyKey';
import { useAnnounce } from '../Announcer';
import { BreakGlassReasonFields, useBreakGlassForm } from '../BreakGlassOption';
import { ConfirmDialog } from '../ConfirmDialog';

/** Rolls the row's target back to the row's version, after a confirmation with a reason. */
export const RollbackButton = (props: {
  promotion: Promotion;
  onChanged: () => void;
}) => {
  const { promotion } = props;
  const { entity } = useEntity();
  const api = useApi(environmentsApiRef);
  const announce = useAnnounce();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const reasonField = useRef<HTMLInputElement>(null);
  const breakGlass = useBreakGlassForm();
  const mayBreakGlass = useEnvironmentsPermissions(entity).breakGlass;
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const version = shortVersion(promotion.version);
  const rollback = useAction(
    () =>
      api.requestPromotion(getCompoundEntityRef(entity), {
        target: promotion.target,
        version: formatImageReference(promotion.version),
        rollback: true,
        reason: reason.trim() || `Rollback to ${version}`,
        ...breakGlass.body(),
        idempotencyKey,
      }),
    props.onChanged,
  );
  const confirm = async () => {
    // Break glass needs a reason of the user's own, not the default one.
    const problem = breakGlass.check(reason, reasonField.current);
    if (problem) {
      announce(problem);
      return;
    }
    if (await rollback.run()) {
      setOpen(false);
      setReason('');
      breakGlass.setChecked(false);
      breakGlass.setIncident('');
      setIdempotencyKey(newIdempotencyKey());
      announce(
        `${breakGlass.checked ? 'Break-glass rollback' : 'Rollback'} of ${
          promotion.target
        } to ${version} requested`,
      );
    }
  };
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        aria-label={`Roll ${promotion.target} back to ${version}`}
        onClick={() => setOpen(true)}
      >
        Roll back
      </Button>
      <ConfirmDialog
        open={open}
        title={`Roll ${promotion.target} back`}
        confirmLabel="Roll back"
        pending={rollback.pending}
        error={rollback.error}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      >
        <Typography variant="body2" paragraph>
          Request a rollback of {promotion.target} to {version}? It goes through
          the same gates and approvals as a promotion.
        </Typography>
        <BreakGlassReasonFields
          breakGlass={breakGlass}
          mayBreakGlass={mayBreakGlass}
          what="rollback"
          reason={reason}
          onReasonChange={setReason}
          reasonRef={reasonField}
          fullWidth
        />
      </ConfirmDialog>
    </>
  );
};
