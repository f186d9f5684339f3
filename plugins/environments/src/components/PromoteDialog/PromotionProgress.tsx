import { useApi } from '@backstage/core-plugin-api';
import { Flex, Skeleton, Text } from '@backstage/ui';
import { environmentsApiRef } from '../../api/EnvironmentsApi';
import { usePolledValue } from '../../hooks/usePolledValue';
import { errorMessage } from '../../util/errorMessage';
import { PromotionLinks } from '../PromotionLinks';
import { PromotionStepper } from '../PromotionStepper';

/** How often a just-requested promotion is re-read while the dialog is open. */
const POLL_MS = 3_000;

/** A promotion's progress through its states, re-read from the backend while shown. */
export const PromotionProgress = ({ promotionId }: { promotionId: string }) => {
  const api = useApi(environmentsApiRef);
  const { value, error } = usePolledValue(
    promotionId,
    () => api.getPromotion(promotionId),
    POLL_MS,
  );
  return (
    <Flex direction="column" gap="2" aria-live="polite">
      {value ? (
        <>
          <PromotionStepper promotion={value} />
          {value.stateReason && (
            <Text variant="body-small">{value.stateReason}</Text>
          )}
          <PromotionLinks links={value.links} />
        </>
      ) : (
        !error && <Skeleton width="100%" height={24} />
      )}
      {error && (
        <Text role="alert" variant="body-small" color="danger">
          {errorMessage(error)}
        </Text>
      )}
    </Flex>
  );
};
