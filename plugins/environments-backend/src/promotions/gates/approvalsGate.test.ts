import type { ApprovalDecision } from '@stageline/plugin-environments-common';
import { approvalsGate } from './approvalsGate';

const REQUESTER = 'user:default/carol';

function decision(
  user: string,
  overrides: Partial<ApprovalDecision> = {},
): ApprovalDecision {
  return {
    user,
    decision: 'approved',
    at: '2024-05-06T11:30:00Z',
    valid: true,
    ...overrides,
  };
}

function gate(required: number, decisions: ApprovalDecision[]) {
  return approvalsGate({ required, decisions, requestedBy: REQUESTER });
}

describe('approvalsGate', () => {
  it('passes with no approvals required, without blocking requests', () => {
    expect(gate(0, [])).toEqual({
      id: 'approvals',
      passed: true,
      reason: 'no approvals required',
      blocksRequest: false,
    });
  });

  it('passes with enough distinct approvers', () => {
    const result = gate(2, [
      decision('user:default/alice'),
      decision('user:default/bob'),
    ]);
    expect(result).toMatchObject({
      passed: true,
      reason: '2 of 2 approvals (user:default/alice, user:default/bob)',
      blocksRequest: false,
    });
  });

  it('does not count the requester approving their own promotion', () => {
    const result = gate(1, [decision('user:default/Carol')]);
    expect(result).toMatchObject({
      passed: false,
      reason:
        '0 of 1 approvals: 1 more needed from people other than the requester',
    });
  });

  it('counts a user approving twice once', () => {
    const result = gate(2, [
      decision('user:default/alice'),
      decision('user:default/Alice'),
    ]);
    expect(result).toMatchObject({ passed: false });
    expect(result.reason).toMatch(/^1 of 2 approvals/);
  });

  it('ignores void decisions, approvals and rejections alike', () => {
    expect(
      gate(1, [decision('user:default/alice', { valid: false })]).passed,
    ).toBe(false);
    expect(
      gate(1, [
        decision('user:default/alice'),
        decision('user:default/bob', { decision: 'rejected', valid: false }),
      ]).passed,
    ).toBe(true);
  });

  it('fails on any valid rejection, whatever the approvals', () => {
    const result = gate(1, [
      decision('user:default/alice'),
      decision('user:default/bob', {
        decision: 'rejected',
        comment: 'not during the sale',
      }),
    ]);
    expect(result).toMatchObject({
      passed: false,
      reason: 'rejected by user:default/bob: not during the sale',
    });
  });
});
