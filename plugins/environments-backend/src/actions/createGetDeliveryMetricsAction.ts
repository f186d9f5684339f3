import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import type { DeliveryMetricsService } from '../metrics/DeliveryMetricsService';
import { metricsQuerySchema } from '../routes/metricsQuerySchema';

/**
 * `environments:get-delivery-metrics`: deployment frequency, lead time, change failure rate and
 * time to restore of a service, System or Group, as `GET /metrics` answers them. The service
 * checks environments.read (and the catalog's read rules, with the caller's credentials).
 */
export function createGetDeliveryMetricsAction(options: {
  actionsRegistry: ActionsRegistryService;
  metrics: DeliveryMetricsService;
  now?: () => Date;
}) {
  const { actionsRegistry, metrics } = options;
  const query = metricsQuerySchema(options.now ?? (() => new Date()));
  actionsRegistry.register({
    name: 'get-delivery-metrics',
    title: 'Get delivery metrics',
    description: `Computes delivery metrics from Stageline's promotion history for one service (\`entityRef\`), a System's components (\`system\`) or a Group's components (\`group\`), over [from, to) (default the last 28 days): deployment frequency (succeeded production promotions per week), lead time for changes (source commit to production, median and p90 seconds), change failure rate (failed or rolled-back production promotions over all that finished) and time to restore (median seconds from a failure to the next production success). Only services the caller may read count.

## When to use
Answer "how often does the shop system ship?", "how long from merge to production for checkout?", "how often do we roll back?".`,
    attributes: { destructive: false, readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .optional()
            .describe('e.g. component:default/checkout'),
          system: z.string().optional().describe('e.g. system:default/shop'),
          group: z.string().optional().describe('e.g. group:default/team-a'),
          from: z.string().optional().describe('ISO 8601'),
          to: z.string().optional().describe('ISO 8601'),
        }),
      output: z =>
        z.object({
          entityRefs: z.array(z.string()),
          from: z.string(),
          to: z.string(),
          deploymentsPerWeek: z.number(),
          deployments: z.number(),
          leadTimeMedianSeconds: z.number().optional(),
          leadTimeP90Seconds: z.number().optional(),
          leadTimeSamples: z.number(),
          changeFailureRate: z.number().optional(),
          changes: z.number(),
          failures: z.number(),
          timeToRestoreMedianSeconds: z.number().optional(),
          restored: z.number(),
          openFailures: z.number(),
        }),
    },
    action: async ({ input, credentials }) => {
      const parsed = query.safeParse(
        Object.fromEntries(
          Object.entries(input).filter(([, v]) => v !== undefined),
        ),
      );
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new InputError(
          `Invalid input${
            issue.path.length ? ` '${issue.path.join('.')}'` : ''
          }: ${issue.message}`,
        );
      }
      const m = await metrics.get(parsed.data.scope, parsed.data.period, {
        credentials,
      });
      return {
        output: {
          entityRefs: m.entityRefs,
          from: m.from,
          to: m.to,
          deploymentsPerWeek: m.deploymentFrequency.perWeek,
          deployments: m.deploymentFrequency.deployments,
          leadTimeMedianSeconds: m.leadTime.medianSeconds,
          leadTimeP90Seconds: m.leadTime.p90Seconds,
          leadTimeSamples: m.leadTime.samples,
          changeFailureRate: m.changeFailureRate.rate,
          changes: m.changeFailureRate.changes,
          failures: m.changeFailureRate.failures,
          timeToRestoreMedianSeconds: m.timeToRestore.medianSeconds,
          restored: m.timeToRestore.restored,
          openFailures: m.timeToRestore.open,
        },
      };
    },
  });
}
