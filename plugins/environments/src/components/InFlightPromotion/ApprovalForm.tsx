import { useState } from 'react';
import type {
  ApprovalRequest,
  ImageReference,
} from '@stageline/plugin-environments-common';
import { formatImageReference } from '@stageline/plugin-environments-common';
import { Button, Flex, Text, TextAreaField } from '@backstage/ui';
import { useApi } from '@backstage/core-plugin-api';
import { environmentsApiRef } from '../../api/EnvironmentsApi';
import { useAction } from '../../hooks/useAction';

/**
 * Approve or reject a promotion, with an optional comment. The decision names the version and
 * target base on screen: the backend refuses it (409) when either moved since.
 */
export const ApprovalForm = (props: {
  promotionId: string;
  /** The promotion's version, as shown above the form. */
  version: ImageReference;
  /** What the target's card shows Git declares; undefined when it shows none. */
  targetBase?: ImageReference;
  onChanged: () => void;
}) => {
  const api = useApi(environmentsApiRef);
  const [comment, setComment] = useState('');
  const decide = useAction(
    (decision: ApprovalRequest['decision']) =>
      api.decideApproval(props.promotionId, {
        decision,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        version: formatImageReference(props.version),
        targetBase: props.targetBase
          ? formatImageReference(props.targetBase)
          : null,
      }),
    props.onChanged,
  );
  return (
    <Flex direction="column" gap="2">
      <TextAreaField
        label="Approval comment"
        rows={2}
        value={comment}
        onChange={setComment}
      />
      <Flex gap="2">
        <Button
          size="small"
          variant="primary"
          isPending={decide.pending}
          onPress={() => decide.run('approve')}
        >
          Approve
        </Button>
        <Button
          size="small"
          variant="secondary"
          destructive
          isDisabled={decide.pending}
          onPress={() => decide.run('reject')}
        >
          Reject
        </Button>
      </Flex>
      {decide.error && (
        <Text role="alert" variant="body-small" color="danger">
          {decide.error}
        </Text>
      )}
    </Flex>
  );
};
