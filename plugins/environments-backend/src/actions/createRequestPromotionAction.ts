import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { PromotionService } from '../promotions/PromotionService';
import { entityRefInput } from './entityRefInput';
import { promotionOutput } from './promotionOutput';
import { promotionOutputSchema } from './promotionOutputSchema';

/**
 * `environments:request-promotion`. Authorizes inside (environments.promote, and
 * environments.promote.protected for protected targets) with the caller's credentials.
 */
export function createRequestPromotionAction(options: {
  actionsRegistry: ActionsRegistryService;
  promotions: PromotionService;
}) {
  const { actionsRegistry, promotions } = options;
  actionsRegistry.register({
    name: 'request-promotion',
    title: 'Request a promotion',
    description: `Requests promoting the version the previous environment runs into the next environment of a service's chain (for example staging -> production), through Git. The same gates apply as in the portal: source healthy, soak time, freeze windows, no other promotion in flight; environments with required approvals wait for other people to approve.

## When to use
Only when the user explicitly asks to promote. Check get-environments first and tell the user the version and gates. Pass \`version\` to make sure the version promoted is the one the user saw.`,
    attributes: { destructive: true, readOnly: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().describe('e.g. component:default/checkout'),
          target: z.string().describe('Environment to promote into'),
          version: z
            .string()
            .optional()
            .describe('Expected version (tag or image reference)'),
          reason: z.string().max(2000).optional(),
          idempotencyKey: z
            .string()
            .regex(/^[A-Za-z0-9_.:-]{1,128}$/)
            .optional(),
        }),
      output: z => promotionOutputSchema(z),
    },
    action: async ({ input, credentials }) => {
      const { promotion } = await promotions.request(
        entityRefInput(input.entityRef),
        {
          target: input.target,
          version: input.version,
          reason: input.reason,
          idempotencyKey: input.idempotencyKey,
        },
        { credentials },
      );
      return { output: promotionOutput(promotion) };
    },
  });
}
