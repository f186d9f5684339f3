import type {
  ImageReference,
  Promotion,
} from '@stageline/plugin-environments-common';
import { Button, Flex, Text } from '@backstage/ui';
import { useApi } from '@backstage/core-plugin-api';
import { environmentsApiRef } from '../../api/EnvironmentsApi';
import { useAction } from '../../hooks/useAction';
import { promotionStateLabels } from '../../util/promotionStateLabels';
import { PromotionLinks } from '../PromotionLinks';
import { VersionLabel } from '../VersionLabel';
import { ApprovalForm } from './ApprovalForm';
import { approvalHint } from './approvalHint';

const boxStyle = {
  border: '1px solid var(--bui-border-2, currentColor)',
  borderRadius: 6,
  padding: 8,
} as const;

const CANCELLABLE = ['requested', 'awaiting-approval'];

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
  const api = useApi(environmentsApiRef);
  const cancel = useAction(
    () => api.cancelPromotion(promotion.id),
    props.onChanged,
  );
  const validApprovals = promotion.approvals.filter(
    a => a.valid && a.decision === 'approved',
  );
  const hint = approvalHint(promotion, props.userRef, props.mayApprove);
  const mayCancel =
    CANCELLABLE.includes(promotion.state) &&
    (props.mayPromote || promotion.requestedBy === props.userRef);

  return (
    <section aria-label="Promotion in flight" style={boxStyle}>
      <Flex direction="column" gap="1">
        <Text variant="body-small" weight="bold">
          {promotion.kind === 'rollback' ? 'Rollback' : 'Promotion'}:{' '}
          {promotionStateLabels[promotion.state]}
        </Text>
        <Flex gap="1" align="center">
          <Text variant="body-small">Version</Text>
          <VersionLabel
            image={promotion.version}
            projectSlug={props.projectSlug}
          />
        </Flex>
        <Text variant="body-small" color="secondary">
          requested by {promotion.requestedBy}
          {promotion.reason ? `: ${promotion.reason}` : ''}
        </Text>
        {promotion.stateReason && (
          <Text variant="body-small">{promotion.stateReason}</Text>
        )}
        {promotion.approvalsRequired > 0 && (
          <Text variant="body-small">
            {validApprovals.length} of {promotion.approvalsRequired} approvals
            {validApprovals.length
              ? ` (${validApprovals.map(a => a.user).join(', ')})`
              : ''}
          </Text>
        )}
        <PromotionLinks links={promotion.links} />
        {promotion.state === 'awaiting-approval' &&
          (hint ? (
            <Text variant="body-small" color="secondary">
              {hint}
            </Text>
          ) : (
            <ApprovalForm
              promotionId={promotion.id}
              version={promotion.version}
              targetBase={props.targetBase}
              onChanged={props.onChanged}
            />
          ))}
        {mayCancel && (
          <Button
            size="small"
            variant="tertiary"
            isPending={cancel.pending}
            onPress={() => cancel.run()}
          >
            Cancel promotion
          </Button>
        )}
        {cancel.error && (
          <Text role="alert" variant="body-small" color="danger">
            {cancel.error}
          </Text>
        )}
      </Flex>
    </section>
  );
};
