import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { PromotionService } from '../promotions/PromotionService';
import { promotionOutputSchema } from './promotionOutputSchema';
import {
  promotionRequestInput,
  requestPromotionOutput,
} from './promotionRequestAction';

/**
 * `environments:request-promotion`. Authorizes inside (environments.promote, and
 * environments.promote.protected for protected targets, environments.promote.breakglass for
 * break-glass) with the caller's credentials.
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
Only when the user explicitly asks to promote. Check get-environments first and tell the user the version and gates. Pass \`version\` to make sure the version promoted is the one the user saw.

Pass \`schedule\` when the user asks to promote later (\`notBefore\`, ISO 8601 with offset) or once a freeze window ends (\`whenFreezeEnds: true\`, the only way to request during a freeze). Pass \`breakGlass\` with an incident link and a \`reason\` only when the user explicitly asks to bypass the gates for an incident.`,
    attributes: { destructive: true, readOnly: false, idempotent: false },
    schema: {
      input: z =>
        promotionRequestInput(z, {
          target: z.string().describe('Environment to promote into'),
          version: z
            .string()
            .optional()
            .describe('Expected version (tag or image reference)'),
        }),
      output: z => promotionOutputSchema(z),
    },
    action: ({ input, credentials }) =>
      requestPromotionOutput(promotions, input, credentials),
  });
}
