import type { GateResult } from '@stageline/plugin-environments-common';
import { Flex, Text } from '@backstage/ui';

const listStyle = { listStyle: 'none', padding: 0, margin: 0 } as const;

/** Every gate of a promotion with a pass or fail mark and its reason. */
export const GateChecklist = ({ gates }: { gates: GateResult[] }) => (
  <ul aria-label="Gates" style={listStyle}>
    {gates.map(gate => (
      <li
        key={gate.id}
        aria-label={`${gate.id} ${gate.passed ? 'passed' : 'failed'}`}
      >
        <Flex gap="2" align="start">
          <Text
            variant="body-small"
            color={gate.passed ? 'success' : 'danger'}
            aria-hidden
          >
            {gate.passed ? '✓' : '✗'}
          </Text>
          <Text variant="body-small">
            {gate.reason}
            {!gate.passed && !gate.blocksRequest ? ' (the request waits)' : ''}
          </Text>
        </Flex>
      </li>
    ))}
  </ul>
);
