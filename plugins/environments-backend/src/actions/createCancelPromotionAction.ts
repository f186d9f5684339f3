import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { PromotionService } from '../promotions/PromotionService';
import { registerPromotionIdAction } from './promotionIdAction';

/**
 * `environments:cancel-promotion`. Authorizes inside with the caller's credentials: its
 * requester may cancel, and so may anyone allowed to promote into its target.
 */
export function createCancelPromotionAction(options: {
  actionsRegistry: ActionsRegistryService;
  promotions: PromotionService;
}) {
  const { actionsRegistry, promotions } = options;
  registerPromotionIdAction(actionsRegistry, {
    name: 'cancel-promotion',
    title: 'Cancel a promotion',
    description: `Cancels a promotion or rollback that has not been written to Git yet (requested, or awaiting approval). One already written cannot be cancelled: roll back instead.

## When to use
Only when the user explicitly asks to cancel a promotion, naming it.`,
    attributes: { destructive: true, readOnly: false, idempotent: true },
    run: (promotionId, runOptions) =>
      promotions.cancel(promotionId, runOptions),
  });
}
