import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { Authorization } from '../authorization/Authorization';
import { formatImageReference } from '@stageline/plugin-environments-common';
import type { EnvironmentView } from '../promotions/EnvironmentView';
import { entityRefInput } from './entityRefInput';
import { promotionOutput } from './promotionOutput';
import { promotionOutputSchema } from './promotionOutputSchema';

/** `environments:get-environments`: what runs where for a service, and its promotion gates. */
export function createGetEnvironmentsAction(options: {
  actionsRegistry: ActionsRegistryService;
  authorization: Authorization;
  view: EnvironmentView;
}) {
  const { actionsRegistry, authorization, view } = options;
  actionsRegistry.register({
    name: 'get-environments',
    title: 'Get environments of a service',
    description: `For a catalog service, lists every environment of its promotion chain (for example qa, staging, production) with the version Git declares, the version the cluster runs, sync status and reason, health, and for each environment after the first whether a promotion into it is possible now, with every gate and its reason.

## When to use
Answer "what version runs in staging?", "is production in sync?", "can I promote checkout to production, and if not why?".`,
    attributes: { destructive: false, readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe('Entity reference, e.g. component:default/checkout'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          environments: z.array(
            z.object({
              name: z.string(),
              desired: z.string().optional().describe('Version Git declares'),
              live: z.string().optional().describe('Version the cluster runs'),
              sync: z.string(),
              syncReason: z.string(),
              health: z.string().optional(),
              errors: z.array(z.string()),
              promotion: z
                .object({
                  from: z.string(),
                  version: z.string().optional(),
                  ready: z.boolean(),
                  gates: z.array(
                    z.object({
                      id: z.string(),
                      passed: z.boolean(),
                      reason: z.string(),
                    }),
                  ),
                  inFlight: promotionOutputSchema(z)
                    .optional()
                    .describe(
                      'The promotion into this environment in flight, if any: approve-promotion takes its id and version',
                    ),
                })
                .optional(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const ref = entityRefInput(input.entityRef);
      await authorization.requireRead(stringifyEntityRef(ref), credentials);
      const response = await view.getEnvironments(ref, { credentials });
      return {
        output: {
          entityRef: response.entityRef,
          environments: response.environments.map(env => ({
            name: env.name,
            desired: env.desired?.image
              ? formatImageReference(env.desired.image)
              : undefined,
            live: env.live?.image
              ? formatImageReference(env.live.image)
              : undefined,
            sync: env.sync.status,
            syncReason: env.sync.reason,
            health: env.live?.health,
            errors: env.errors.map(e => `${e.source}: ${e.message}`),
            promotion: env.promotion && {
              from: env.promotion.source,
              version: env.promotion.version
                ? formatImageReference(env.promotion.version)
                : undefined,
              ready: env.promotion.ready,
              gates: env.promotion.gates.map(({ id, passed, reason }) => ({
                id,
                passed,
                reason,
              })),
              inFlight: env.promotion.inFlight
                ? promotionOutput(env.promotion.inFlight)
                : undefined,
            },
          })),
        },
      };
    },
  });
}
