import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { PromotionService } from '../promotions/PromotionService';
import { registerPromotionIdAction } from './promotionIdAction';

/**
 * `environments:acknowledge-breakglass`. Authorizes inside with the caller's credentials: a
 * signed-in user allowed to approve promotions into the target, other than the requester.
 */
export function createAcknowledgeBreakGlassAction(options: {
  actionsRegistry: ActionsRegistryService;
  promotions: PromotionService;
}) {
  const { actionsRegistry, promotions } = options;
  registerPromotionIdAction(actionsRegistry, {
    name: 'acknowledge-breakglass',
    title: 'Acknowledge a break-glass promotion',
    description: `Records the caller's after-the-fact acknowledgement of a break-glass promotion (one that bypassed freeze windows, soak time and approvals). Only someone allowed to approve promotions into its environment, other than its requester, may; it is recorded once.

## When to use
Only when the user explicitly asks to acknowledge a break-glass promotion, naming it, after reviewing its reason and incident.`,
    attributes: { destructive: false, readOnly: false, idempotent: false },
    run: (promotionId, runOptions) =>
      promotions.acknowledge(promotionId, runOptions),
  });
}
