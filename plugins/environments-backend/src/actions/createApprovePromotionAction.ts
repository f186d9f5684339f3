import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { PromotionService } from '../promotions/PromotionService';
import { promotionOutput } from './promotionOutput';
import { promotionOutputSchema } from './promotionOutputSchema';

/**
 * `environments:approve-promotion`: approve or reject a promotion awaiting approval. Authorizes
 * inside (environments.approve; the requester can never approve their own), and decides only on
 * the version and target base the user was shown.
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
Only when the user explicitly asks to approve or reject a named promotion id. Call get-environments first and show the user the promotion's version (\`promotion.inFlight.version\` of the target) and what the target declares now (the target's \`desired\`); pass both exactly as shown. When either moved since, the call is refused with the new version: show it to the user and ask again.`,
    attributes: { destructive: true, readOnly: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          promotionId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
          decision: z.enum(['approve', 'reject']),
          comment: z.string().max(2000).optional(),
          version: z
            .string()
            .max(512)
            .describe(
              'The promotion version the user was shown (name:tag@digest)',
            ),
          targetBase: z
            .string()
            .max(512)
            .nullable()
            .describe(
              "What the target declared when the user looked (its 'desired'), or null when nothing",
            ),
        }),
      output: z => promotionOutputSchema(z),
    },
    action: async ({ input, credentials }) => {
      const promotion = await promotions.decide(
        input.promotionId,
        {
          decision: input.decision,
          comment: input.comment,
          version: input.version,
          targetBase: input.targetBase,
        },
        { credentials },
      );
      return { output: promotionOutput(promotion) };
    },
  });
}
