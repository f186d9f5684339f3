import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { PromotionService } from '../promotions/PromotionService';
import { entityRefInput } from './entityRefInput';

/**
 * `environments:get-service-history`: the service's history, the same page as
 * `GET /entities/:kind/:namespace/:name/history`. The service checks environments.read.
 */
export function createGetServiceHistoryAction(options: {
  actionsRegistry: ActionsRegistryService;
  promotions: PromotionService;
}) {
  const { actionsRegistry, promotions } = options;
  actionsRegistry.register({
    name: 'get-service-history',
    title: 'Get the history of a service',
    description: `Lists what happened to a service's environments and previews, oldest first: promotion requests, approvals, rejections, cancels, writes and their final states, refused attempts, and preview keeps, extends and deletes. Each event names who did it (a user entity ref, \`service:<subject>\` for a service principal, \`stageline:reaper\` for the preview reaper, \`stageline:engine\` for Stageline itself), the action (for example \`preview.delete\`), its result, and the environment or preview namespace.

## When to use
Answer "who deleted the preview feature-pr-12?" (type \`preview\`), "who cancelled the last production promotion?", "what happened to checkout's promotions today?". Pass \`before\` (a previous answer's \`olderEventsCursor\`) for older events.`,
    attributes: { destructive: false, readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().describe('e.g. component:default/checkout'),
          type: z
            .enum(['preview', 'promotion'])
            .optional()
            .describe('Only preview events, or only promotion events'),
          limit: z.number().int().min(1).max(200).optional(),
          before: z
            .string()
            .regex(/^[1-9][0-9]{0,15}$/)
            .optional()
            .describe("An earlier answer's olderEventsCursor"),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          events: z.array(
            z.object({
              at: z.string(),
              actor: z.string(),
              action: z.string(),
              result: z.string(),
              message: z.string().optional(),
              environment: z
                .string()
                .optional()
                .describe('Environment, or preview namespace'),
              promotionId: z.string().optional(),
              link: z.string().optional(),
            }),
          ),
          olderEventsCursor: z.string().optional(),
        }),
    },
    action: async ({ input, credentials }) => {
      const page = await promotions.history(
        entityRefInput(input.entityRef),
        { type: input.type, limit: input.limit, before: input.before },
        { credentials },
      );
      return { output: page };
    },
  });
}
