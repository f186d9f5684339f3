import { useState } from 'react';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { PreviewEnvironment } from '@stageline/plugin-environments-common';
import { Button, Flex, Text } from '@backstage/ui';
import { environmentsApiRef } from '../../api/EnvironmentsApi';
import { useAction } from '../../hooks/useAction';
import { ConfirmDialog } from '../ConfirmDialog';

/** How far one press of Extend pushes the expiry. */
const EXTEND_BY = '24h';

/** Keep (pin), extend, and delete (after confirmation) one preview environment. */
export const PreviewActions = (props: {
  preview: PreviewEnvironment;
  onChanged: () => void;
}) => {
  const { namespace, keep } = props.preview;
  const { entity } = useEntity();
  const entityRef = getCompoundEntityRef(entity);
  const api = useApi(environmentsApiRef);
  const [confirming, setConfirming] = useState(false);
  const pin = useAction(
    () => api.keepPreview(entityRef, namespace, !keep),
    props.onChanged,
  );
  const extend = useAction(
    () => api.extendPreview(entityRef, namespace, EXTEND_BY),
    props.onChanged,
  );
  const remove = useAction(
    () => api.deletePreview(entityRef, namespace),
    props.onChanged,
  );
  const error = pin.error ?? extend.error;
  return (
    <Flex direction="column" gap="1">
      <Flex gap="1">
        <Button
          size="small"
          variant="secondary"
          isPending={pin.pending}
          aria-label={`${keep ? 'Unpin' : 'Keep'} ${namespace}`}
          onPress={() => pin.run()}
        >
          {keep ? 'Unpin' : 'Keep'}
        </Button>
        <Button
          size="small"
          variant="secondary"
          isPending={extend.pending}
          aria-label={`Extend ${namespace} by ${EXTEND_BY}`}
          onPress={() => extend.run()}
        >
          +{EXTEND_BY}
        </Button>
        <Button
          size="small"
          variant="secondary"
          destructive
          aria-label={`Delete ${namespace}`}
          onPress={() => setConfirming(true)}
        >
          Delete
        </Button>
      </Flex>
      {error && (
        <Text role="alert" variant="body-small" color="danger">
          {error}
        </Text>
      )}
      <ConfirmDialog
        isOpen={confirming}
        title={`Delete ${namespace}?`}
        confirmLabel="Delete"
        destructive
        pending={remove.pending}
        error={remove.error}
        onConfirm={async () => {
          if (await remove.run()) setConfirming(false);
        }}
        onClose={() => setConfirming(false)}
      >
        <Text as="p" variant="body-medium">
          The namespace {namespace} and everything in it will be deleted.
        </Text>
      </ConfirmDialog>
    </Flex>
  );
};
