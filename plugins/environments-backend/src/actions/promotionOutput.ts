import type { Promotion } from '@stageline/plugin-environments-common';
import { formatImageReference } from '@stageline/plugin-environments-common';

/** A promotion as the actions return it: flat strings an assistant can quote. */
export function promotionOutput(promotion: Promotion) {
  return {
    id: promotion.id,
    target: promotion.target,
    version: formatImageReference(promotion.version),
    state: promotion.state,
    stateReason: promotion.stateReason,
    requestedBy: promotion.requestedBy,
    approvalsRequired: promotion.approvalsRequired,
    approvedBy: promotion.approvals
      .filter(a => a.valid && a.decision === 'approved')
      .map(a => a.user),
    link:
      promotion.links.pullRequest?.url ??
      promotion.links.commit?.url ??
      promotion.links.workflowRun?.url,
    cancelledBy: promotion.cancelledBy,
    breakGlass: promotion.breakGlass,
    schedule: promotion.schedule,
    waitingFor: promotion.waitingFor,
  };
}
