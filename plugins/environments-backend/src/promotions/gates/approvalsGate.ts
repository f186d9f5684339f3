import type {
  ApprovalDecision,
  GateResult,
} from '@stageline/plugin-environments-common';
import { gateResult } from './gateResult';

// Entity refs compare case-insensitively, as in the catalog.
const userKey = (user: string) => user.toLocaleLowerCase('en-US');

/**
 * Counts valid approvals by distinct users other than the requester; any valid rejection fails.
 * Void decisions (made for another version or target) count for nothing. Failing it does not
 * refuse a request: the promotion waits for approvals.
 */
export function approvalsGate(input: {
  required: number;
  decisions: ApprovalDecision[];
  requestedBy?: string;
}): GateResult {
  const { required, requestedBy } = input;
  const valid = input.decisions.filter(d => d.valid);
  const rejection = valid.find(d => d.decision === 'rejected');
  if (rejection) {
    const comment = rejection.comment ? `: ${rejection.comment}` : '';
    return gateResult('approvals', {
      passed: false,
      reason: `rejected by ${rejection.user}${comment}`,
    });
  }
  if (required === 0) {
    return gateResult('approvals', {
      passed: true,
      reason: 'no approvals required',
    });
  }
  const requester = requestedBy && userKey(requestedBy);
  const approvers = new Map<string, string>();
  for (const d of valid) {
    if (d.decision === 'approved' && userKey(d.user) !== requester) {
      approvers.set(userKey(d.user), d.user);
    }
  }
  const count = `${approvers.size} of ${required} approvals`;
  if (approvers.size >= required) {
    return gateResult('approvals', {
      passed: true,
      reason: `${count} (${[...approvers.values()].join(', ')})`,
    });
  }
  return gateResult('approvals', {
    passed: false,
    reason: `${count}: ${
      required - approvers.size
    } more needed from people other than the requester`,
  });
}
