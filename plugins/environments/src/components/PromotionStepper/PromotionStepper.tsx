import type {
  Promotion,
  PromotionState,
} from '@stageline/plugin-environments-common';
import { Flex, Text } from '@backstage/ui';
import { promotionStateLabels } from '../../util/promotionStateLabels';

const ENDED_BADLY: PromotionState[] = ['failed', 'rejected', 'cancelled'];
const listStyle = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: 8,
  listStyle: 'none',
  padding: 0,
  margin: 0,
} as const;

/** The states this promotion goes through, given its approvals and execution mode. */
function stepsOf(promotion: Promotion): PromotionState[] {
  if (ENDED_BADLY.includes(promotion.state)) {
    return ['requested', promotion.state];
  }
  return [
    'requested',
    ...(promotion.approvalsRequired > 0
      ? (['awaiting-approval'] as const)
      : []),
    'executing',
    ...(promotion.mode === 'pull-request'
      ? (['waiting-for-merge'] as const)
      : []),
    'rolling-out',
    'succeeded',
  ];
}

function markOf(index: number, current: number, state: PromotionState) {
  if (index < current || state === 'succeeded') return '✓';
  if (index > current) return '○';
  return ENDED_BADLY.includes(state) ? '✗' : '●';
}

/** A promotion's progress as steps: done, current (`aria-current="step"`), still to come. */
export const PromotionStepper = ({ promotion }: { promotion: Promotion }) => {
  const steps = stepsOf(promotion);
  const current = steps.indexOf(promotion.state);
  return (
    <ol aria-label="Promotion progress" style={listStyle}>
      {steps.map((step, index) => (
        <li key={step} aria-current={index === current ? 'step' : undefined}>
          <Flex gap="1" align="center">
            <Text
              variant="body-small"
              aria-hidden
              color={index === current ? 'primary' : 'secondary'}
            >
              {markOf(index, current, promotion.state)}
            </Text>
            <Text
              variant="body-small"
              weight={index === current ? 'bold' : 'regular'}
              color={index === current ? 'primary' : 'secondary'}
            >
              {promotionStateLabels[step]}
            </Text>
            {index < steps.length - 1 && (
              <Text variant="body-small" color="secondary" aria-hidden>
                →
              </Text>
            )}
          </Flex>
        </li>
      ))}
    </ol>
  );
};
