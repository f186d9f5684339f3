import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { Promotion } from '@stageline/plugin-environments-common';
import { promotionOutput } from './promotionOutput';
import { promotionOutputSchema } from './promotionOutputSchema';

/**
 * Registers an action that takes only a promotion id and answers with the promotion after
 * `run`, which authorizes inside with the caller's credentials (cancel, acknowledge).
 */
export function registerPromotionIdAction(
  actionsRegistry: ActionsRegistryService,
  action: {
    name: string;
    title: string;
    description: string;
    attributes: {
      destructive: boolean;
      readOnly: boolean;
      idempotent: boolean;
    };
    run: (
      promotionId: string,
      options: { credentials: BackstageCredentials },
    ) => Promise<Promotion>;
  },
) {
  actionsRegistry.register({
    name: action.name,
    title: action.title,
    description: action.description,
    attributes: action.attributes,
    schema: {
      input: z =>
        z.object({
          promotionId: z.string().min(1).max(64),
        }),
      output: z => promotionOutputSchema(z),
    },
    action: async ({ input, credentials }) => {
      const promotion = await action.run(input.promotionId, { credentials });
      return { output: promotionOutput(promotion) };
    },
  });
}
