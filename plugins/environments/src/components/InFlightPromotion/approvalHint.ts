import type { Promotion } from '@stageline/plugin-environments-common';

/**
 * Why the current user cannot approve this promotion, or undefined when they can. Mirrors the
 * server's rules (distinct users other than the requester) so nobody clicks into a 409.
 */
export function approvalHint(
  promotion: Promotion,
  userRef: string | undefined,
  mayApprove: boolean,
): string | undefined {
  if (userRef && promotion.requestedBy === userRef) {
    return 'You requested this promotion, so you cannot approve it.';
  }
  if (!mayApprove) return 'You may not approve promotions of this service.';
  const decided = promotion.approvals.find(a => a.valid && a.user === userRef);
  if (decided) return `You ${decided.decision} this promotion.`;
  return undefined;
}
