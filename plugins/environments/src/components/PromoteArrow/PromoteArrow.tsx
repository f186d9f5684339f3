import { useState } from 'react';
import type {
  EnvironmentState,
  PromotionReadiness,
} from '@stageline/plugin-environments-common';
import { Button, Flex, Text } from '@backstage/ui';
import type { EnvironmentsPermissions } from '../../hooks/useEnvironmentsPermissions';
import { PromoteDialog } from '../PromoteDialog';
import { promoteBlockedReasons } from './promoteBlockedReasons';

const arrowStyle = { maxWidth: 160, textAlign: 'center' } as const;

/** The arrow between two stages, with the Promote button and why it is disabled. */
export const PromoteArrow = (props: {
  readiness?: PromotionReadiness;
  target: EnvironmentState;
  permissions: EnvironmentsPermissions;
  projectSlug?: string;
  onChanged: () => void;
}) => {
  const { readiness, target } = props;
  const [open, setOpen] = useState(false);
  if (!readiness) {
    return (
      <Text aria-hidden variant="title-small">
        →
      </Text>
    );
  }
  const blocked = promoteBlockedReasons(readiness, props.permissions);
  const reasonsId = `promote-${readiness.target}-blocked`;
  return (
    <Flex
      direction="column"
      align="center"
      gap="1"
      role="group"
      aria-label={`Promote ${readiness.source} to ${readiness.target}`}
      style={arrowStyle}
    >
      <Text aria-hidden variant="title-small">
        →
      </Text>
      <Button
        size="small"
        variant="primary"
        isDisabled={blocked.length > 0}
        aria-describedby={blocked.length ? reasonsId : undefined}
        onPress={() => setOpen(true)}
      >
        Promote to {readiness.target}
      </Button>
      {readiness.approvalsRequired > 0 && (
        <Text variant="body-x-small" color="secondary">
          needs {readiness.approvalsRequired} approvals
        </Text>
      )}
      {blocked.length > 0 && (
        <Flex direction="column" gap="0" id={reasonsId}>
          {blocked.map(reason => (
            <Text key={reason} variant="body-x-small" color="warning">
              {reason}
            </Text>
          ))}
        </Flex>
      )}
      <PromoteDialog
        isOpen={open}
        readiness={readiness}
        target={target}
        projectSlug={props.projectSlug}
        onClose={() => setOpen(false)}
        onChanged={props.onChanged}
      />
    </Flex>
  );
};
