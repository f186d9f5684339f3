import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { PromotionService } from '../promotions/PromotionService';
import { promotionOutput } from './promotionOutput';
import { promotionOutputSchema } from './promotionOutputSchema';

/**
 * `environments:approve-promotion`: approve or reject a promotion awaiting approval. Authorizes
 * inside (environments.approve; the requester can never approve their own).
 */
export function createApprovePromotionAction(options: {
  actionsRegistry: ActionsRegistryService;
  promotions: PromotionService;
}) {
  const { actionsRegistry, promotions } = options;
  actionsRegistry.register({
    name: 'approve-promotion',
    title: 'Approve or reject a promotion',
    description: `Records the calling user's approval or rejection of a promotion that awaits approval. A rejection ends the promotion. The requester cannot approve their own promotion.

## When to use
Only when the user explicitly asks to approve or reject a named promotion id.`,
    attributes: { destructive: true, readOnly: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          promotionId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
          decision: z.enum(['approve', 'reject']),
          comment: z.string().max(2000).optional(),
        }),
      output: z => promotionOutputSchema(z),
    },
    action: async ({ input, credentials }) => {
      const promotion = await promotions.decide(
        input.promotionId,
        { decision: input.decision, comment: input.comment },
        { credentials },
      );
      return { output: promotionOutput(promotion) };
    },
  });
}
