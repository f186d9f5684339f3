import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { PromotionService } from '../promotions/PromotionService';
import { promotionOutputSchema } from './promotionOutputSchema';
import {
  promotionRequestInput,
  requestPromotionOutput,
} from './promotionRequestAction';

/**
 * `environments:request-rollback`. Authorizes inside (environments.promote and
 * environments.rollback, and environments.promote.protected for protected targets,
 * environments.promote.breakglass for break-glass) with the caller's credentials, like the
 * portal's rollback button.
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
Only when the user explicitly asks to roll back. Use get-service-history to find a version that succeeded in the environment before the one it runs now, and name it in \`version\`. Pass \`schedule\` when the user asks to roll back later; \`breakGlass\` (incident link and \`reason\`) only when the user explicitly asks to bypass a freeze window for an incident.`,
    attributes: { destructive: true, readOnly: false, idempotent: false },
    schema: {
      input: z =>
        promotionRequestInput(z, {
          target: z.string().describe('Environment to roll back'),
          version: z
            .string()
            .min(1)
            .describe(
              'The earlier version to return to (tag or image reference)',
            ),
        }),
      output: z => promotionOutputSchema(z),
    },
    action: ({ input, credentials }) =>
      requestPromotionOutput(promotions, input, credentials, {
        rollback: true,
      }),
  });
}
