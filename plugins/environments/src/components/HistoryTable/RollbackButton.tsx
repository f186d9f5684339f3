import { useState } from 'react';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  type Promotion,
  formatImageReference,
  shortVersion,
} from '@stageline/plugin-environments-common';
import { Button, Text } from '@backstage/ui';
import { environmentsApiRef } from '../../api/EnvironmentsApi';
import { useAction } from '../../hooks/useAction';
import { newIdempotencyKey } from '../../util/newIdempotencyKey';
import { ConfirmDialog } from '../ConfirmDialog';

/** Rolls the row's target back to the row's version, after a confirmation. */
export const RollbackButton = (props: {
  promotion: Promotion;
  onChanged: () => void;
}) => {
  const { promotion } = props;
  const { entity } = useEntity();
  const api = useApi(environmentsApiRef);
  const [open, setOpen] = useState(false);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const version = shortVersion(promotion.version);
  const rollback = useAction(
    () =>
      api.requestPromotion(getCompoundEntityRef(entity), {
        target: promotion.target,
        version: formatImageReference(promotion.version),
        rollback: true,
        reason: `Rollback to ${version}`,
        idempotencyKey,
      }),
    props.onChanged,
  );
  const confirm = async () => {
    if (await rollback.run()) {
      setOpen(false);
      setIdempotencyKey(newIdempotencyKey());
    }
  };
  return (
    <>
      <Button
        size="small"
        variant="secondary"
        aria-label={`Roll ${promotion.target} back to ${version}`}
        onPress={() => setOpen(true)}
      >
        Roll back
      </Button>
      <ConfirmDialog
        isOpen={open}
        title={`Roll ${promotion.target} back`}
        confirmLabel="Roll back"
        pending={rollback.pending}
        error={rollback.error}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      >
        <Text as="p" variant="body-medium">
          Request a rollback of {promotion.target} to {version}? It goes through
          the same gates and approvals as a promotion.
        </Text>
      </ConfirmDialog>
    </>
  );
};
