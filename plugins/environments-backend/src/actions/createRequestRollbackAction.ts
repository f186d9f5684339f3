import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { PromotionService } from '../promotions/PromotionService';
import { entityRefInput } from './entityRefInput';
import { promotionOutput } from './promotionOutput';
import { promotionOutputSchema } from './promotionOutputSchema';

/**
 * `environments:request-rollback`. Authorizes inside (environments.promote and
 * environments.rollback, and environments.promote.protected for protected targets) with the
 * caller's credentials, like the portal's rollback button.
 */
export function createRequestRollbackAction(options: {
  actionsRegistry: ActionsRegistryService;
  promotions: PromotionService;
}) {
  const { actionsRegistry, promotions } = options;
  actionsRegistry.register({
    name: 'request-rollback',
    title: 'Request a rollback',
    description: `Requests returning an environment of a service to a version that succeeded there before, through Git. Approvals and freeze windows of the environment apply as to a promotion.

## When to use
Only when the user explicitly asks to roll back. Use get-service-history to find a version that succeeded in the environment before the one it runs now, and name it in \`version\`.`,
    attributes: { destructive: true, readOnly: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().describe('e.g. component:default/checkout'),
          target: z.string().describe('Environment to roll back'),
          version: z
            .string()
            .min(1)
            .describe(
              'The earlier version to return to (tag or image reference)',
            ),
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
          rollback: true,
        },
        { credentials },
      );
      return { output: promotionOutput(promotion) };
    },
  });
}
