import { useEffect, useRef } from 'react';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { Promotion } from '@stageline/plugin-environments-common';
import Typography from '@material-ui/core/Typography';
import { environmentsApiRef } from '../../api/EnvironmentsApi';
import { usePolledValue } from '../../hooks/usePolledValue';
import { errorMessage } from '../../util/errorMessage';
import { stateLabel } from '../../util/stateLabel';
import { useAnnounce } from '../Announcer';
import { PromotionLinks } from '../PromotionLinks';
import { PromotionStepper } from '../PromotionStepper';
import { WaitingFor } from '../WaitingFor';

/** How often a just-requested promotion is re-read while the dialog is open. */
const POLL_MS = 3_000;

/** The sentence announced when a promotion reaches a new state. */
export function progressSentence(promotion: Promotion): string {
  const what = promotion.kind === 'rollback' ? 'Rollback' : 'Promotion';
  const wait = promotion.waitingFor ? `; ${promotion.waitingFor.detail}` : '';
  return `${what} into ${promotion.target}: ${stateLabel(promotion)}${wait}`;
}

/**
 * A promotion's progress through its states, re-read from the backend while shown: the steps,
 * what it waits for, why it ended, and its links. Each new state is announced once, when it is
 * reached.
 */
export const PromotionProgress = ({ promotionId }: { promotionId: string }) => {
  const api = useApi(environmentsApiRef);
  const announce = useAnnounce();
  const { value, error } = usePolledValue(
    promotionId,
    () => api.getPromotion(promotionId),
    POLL_MS,
  );
  // Every read gives a new object, so the effect runs on each poll: only a state not yet
  // announced (for this promotion) is news.
  const announced = useRef<string>();
  useEffect(() => {
    if (!value) return;
    const news = `${value.id} ${value.state}`;
    if (announced.current === news) return;
    announced.current = news;
    announce(progressSentence(value));
  }, [value, announce]);

  return (
    <div>
      {value ? (
        <>
          <PromotionStepper promotion={value} />
          <WaitingFor promotion={value} />
          {value.stateReason && (
            <Typography variant="body2">{value.stateReason}</Typography>
          )}
          <PromotionLinks links={value.links} />
        </>
      ) : (
        !error && <Progress />
      )}
      {error && (
        <Typography role="alert" variant="body2" color="error">
          {errorMessage(error)}
        </Typography>
      )}
    </div>
  );
};
