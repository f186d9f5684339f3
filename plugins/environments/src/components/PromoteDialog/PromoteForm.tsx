import { useState } from 'react';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  type EnvironmentState,
  type PromotionReadiness,
  formatImageReference,
} from '@stageline/plugin-environments-common';
import {
  Button,
  DialogBody,
  DialogFooter,
  Flex,
  Text,
  TextAreaField,
} from '@backstage/ui';
import { environmentsApiRef } from '../../api/EnvironmentsApi';
import { useAction } from '../../hooks/useAction';
import { newIdempotencyKey } from '../../util/newIdempotencyKey';
import { GateChecklist } from '../GateChecklist';
import { VersionLabel } from '../VersionLabel';
import { CommitList } from './CommitList';
import { PromotionProgress } from './PromotionProgress';

const sectionTitle = { margin: 0 } as const;

/**
 * The promote dialog's content. Mounted per opening, so each opening has its own idempotency key
 * and a double click submits one promotion.
 */
export const PromoteForm = (props: {
  readiness: PromotionReadiness;
  target: EnvironmentState;
  projectSlug?: string;
  onClose: () => void;
  onChanged: () => void;
}) => {
  const { readiness, target } = props;
  const { entity } = useEntity();
  const entityRef = getCompoundEntityRef(entity);
  const api = useApi(environmentsApiRef);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [reason, setReason] = useState('');
  const [promotionId, setPromotionId] = useState<string>();
  const submit = useAction(async () => {
    const promotion = await api.requestPromotion(entityRef, {
      target: readiness.target,
      ...(readiness.version
        ? { version: formatImageReference(readiness.version) }
        : {}),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      idempotencyKey,
    });
    setPromotionId(promotion.id);
  }, props.onChanged);

  const current = target.desired?.image;
  return (
    <>
      <DialogBody>
        <Flex direction="column" gap="3">
          <Flex gap="1" align="center" aria-label="Version to promote">
            <Text variant="body-small">Version</Text>
            <VersionLabel
              image={readiness.version}
              projectSlug={props.projectSlug}
            />
            <Text variant="body-small" color="secondary">
              (now in {readiness.target}:
            </Text>
            <VersionLabel image={current} projectSlug={props.projectSlug} />
            <Text variant="body-small" color="secondary">
              )
            </Text>
          </Flex>
          <Text
            as="h3"
            variant="body-medium"
            weight="bold"
            style={sectionTitle}
          >
            Changes
          </Text>
          <CommitList
            entityRef={entityRef}
            from={current ? formatImageReference(current) : undefined}
            to={readiness.version && formatImageReference(readiness.version)}
          />
          <Text
            as="h3"
            variant="body-medium"
            weight="bold"
            style={sectionTitle}
          >
            Gates
          </Text>
          <GateChecklist gates={readiness.gates} />
          <Text variant="body-small">
            {readiness.approvalsRequired > 0
              ? `Needs ${readiness.approvalsRequired} approvals from other users before it runs.`
              : 'No approvals needed.'}
          </Text>
          {promotionId ? (
            <PromotionProgress promotionId={promotionId} />
          ) : (
            <TextAreaField
              label="Reason"
              rows={2}
              value={reason}
              onChange={setReason}
            />
          )}
          {submit.error && (
            <Text role="alert" variant="body-small" color="danger">
              {submit.error}
            </Text>
          )}
        </Flex>
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onPress={props.onClose}>
          Close
        </Button>
        {!promotionId && (
          <Button
            variant="primary"
            isPending={submit.pending}
            onPress={() => submit.run()}
          >
            Request promotion
          </Button>
        )}
      </DialogFooter>
    </>
  );
};
