import { useState } from 'react';
import { useParams } from 'react-router-dom';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { environmentsApiRef } from '../../api/EnvironmentsApi';
import { useAction } from '../../hooks/useAction';
import { useCurrentUserRef } from '../../hooks/useCurrentUserRef';
import { useDisplayNames } from '../../hooks/useDisplayNames';
import { useEnvironmentsPermissions } from '../../hooks/useEnvironmentsPermissions';
import { usePolledValue } from '../../hooks/usePolledValue';
import { focusById } from '../../util/focusById';
import { projectSlugOf } from '../../util/projectSlugOf';
import { Announcer, useAnnounce } from '../Announcer';
import { ConfirmDialog } from '../ConfirmDialog';
import { RollbackButton } from '../HistoryTable/RollbackButton';
import { isRollbackCandidate } from '../HistoryTable/isRollbackCandidate';
import { AcknowledgeBreakGlass } from './AcknowledgeBreakGlass';
import { PromotionEvents } from './PromotionEvents';
import { PromotionSummary } from './PromotionSummary';
import { VerificationChecks } from './VerificationChecks';

const CANCELLABLE = ['requested', 'awaiting-approval'];
const HEADING_ID = 'stageline-promotion-detail-heading';

const useStyles = makeStyles(theme => ({
  page: { display: 'flex', flexDirection: 'column', gap: theme.spacing(3) },
  body: { display: 'flex', flexDirection: 'column', gap: theme.spacing(2) },
  actions: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1) },
  heading: { margin: 0 },
}));

const PromotionDetail = ({ id }: { id: string }) => {
  const classes = useStyles();
  const { entity } = useEntity();
  const api = useApi(environmentsApiRef);
  const announce = useAnnounce();
  const ref = getCompoundEntityRef(entity);
  const key = stringifyEntityRef(entity);
  const detail = usePolledValue(id, () => api.getPromotion(id), 5_000);
  const environments = usePolledValue(key, () => api.getEnvironments(ref));
  const history = usePolledValue(key, () => api.getPromotions(ref));
  const permissions = useEnvironmentsPermissions(entity);
  const userRef = useCurrentUserRef();
  const [confirming, setConfirming] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const cancel = useAction(() => api.cancelPromotion(id), detail.refresh);
  const promotion = detail.value;
  const nameOf = useDisplayNames(
    promotion
      ? [
          promotion.requestedBy,
          ...promotion.approvals.map(a => a.user),
          ...(promotion.cancelledBy ? [promotion.cancelledBy] : []),
          ...(promotion.breakGlass?.acknowledgedBy
            ? [promotion.breakGlass.acknowledgedBy]
            : []),
          ...promotion.events.map(e => e.actor),
        ]
      : [],
  );

  if (!promotion) {
    return detail.error ? (
      <ResponseErrorPanel error={detail.error} />
    ) : (
      <Progress />
    );
  }
  const mayCancel =
    CANCELLABLE.includes(promotion.state) &&
    (permissions.promote || promotion.requestedBy === userRef);
  const mayRollback =
    permissions.rollback &&
    isRollbackCandidate(
      promotion,
      environments.value?.environments ?? [],
      history.value?.promotions ?? [],
    );
  const what = promotion.kind === 'rollback' ? 'rollback' : 'promotion';
  return (
    <div className={classes.page}>
      <InfoCard
        title={
          <Typography
            component="h2"
            variant="h5"
            className={classes.heading}
            id={HEADING_ID}
            tabIndex={-1}
          >
            {promotion.kind === 'rollback' ? 'Rollback' : 'Promotion'} into{' '}
            {promotion.target}
          </Typography>
        }
      >
        <section aria-label="Promotion" className={classes.body}>
          <PromotionSummary
            promotion={promotion}
            nameOf={nameOf}
            projectSlug={projectSlugOf(entity)}
          />
          <AcknowledgeBreakGlass
            promotion={promotion}
            mayApprove={permissions.approve}
            userRef={userRef}
            headingId={HEADING_ID}
            onChanged={detail.refresh}
          />
          {(mayCancel || mayRollback) && (
            <div className={classes.actions}>
              {mayCancel && (
                <Button variant="outlined" onClick={() => setConfirming(true)}>
                  Cancel {what}
                </Button>
              )}
              {mayRollback && (
                <RollbackButton
                  promotion={promotion}
                  onChanged={history.refresh}
                />
              )}
            </div>
          )}
        </section>
      </InfoCard>
      {promotion.verification && (
        <section aria-label="Verification" className={classes.body}>
          <Typography component="h2" variant="h5" className={classes.heading}>
            Verification
          </Typography>
          <VerificationChecks verification={promotion.verification} />
        </section>
      )}
      <section aria-label="Audit events" className={classes.body}>
        <Typography component="h2" variant="h5" className={classes.heading}>
          Audit events
        </Typography>
        <PromotionEvents events={promotion.events} nameOf={nameOf} />
      </section>
      <ConfirmDialog
        open={confirming}
        title={`Cancel the ${what} into ${promotion.target}?`}
        confirmLabel={`Cancel ${what}`}
        dismissLabel={`Keep the ${what}`}
        destructive
        pending={cancel.pending}
        error={cancel.error}
        disableRestoreFocus={cancelled}
        onConfirm={async () => {
          if (await cancel.run()) {
            setCancelled(true);
            setConfirming(false);
            announce(`The ${what} into ${promotion.target} was cancelled`);
            // The Cancel button goes away: focus goes to the heading.
            focusById(HEADING_ID);
          }
        }}
        onClose={() => setConfirming(false)}
      >
        <Typography variant="body2">
          Nothing has been written to Git yet; the {what} ends here and can be
          requested again.
        </Typography>
      </ConfirmDialog>
    </div>
  );
};

/**
 * One promotion at `…/environments/promotions/:id`, the page notifications and history rows link
 * to: its facts with people by name, every audit event, what it waits for, and cancel or rollback
 * where allowed.
 */
export const PromotionDetailPage = () => {
  const { id = '' } = useParams();
  return (
    <Announcer>
      <Typography variant="body2" paragraph>
        <Link to="..">Back to environments</Link>
      </Typography>
      <PromotionDetail id={id} />
    </Announcer>
  );
};
