import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import {
  formatImageReference,
  type FleetResponse,
} from '@stageline/plugin-environments-common';
import type { FleetService } from '../fleet/FleetService';
import { toEntityRef } from '../routes/entityRefListSchema';

/**
 * `environments:get-fleet-status`: every service's environments the caller may read, the same
 * page as `GET /fleet`. The fleet lists the catalog with the caller's credentials and checks
 * environments.read on each service before reading its environments.
 */
export function createGetFleetStatusAction(options: {
  actionsRegistry: ActionsRegistryService;
  fleet: FleetService;
}) {
  const { actionsRegistry, fleet } = options;
  actionsRegistry.register({
    name: 'get-fleet-status',
    title: 'Get the environments of every service',
    description: `Lists services with each environment of their chain: the version it declares or runs, its sync state, since when, a promotion in flight, and how far it lags the environment before it (since when, and commits when known). Only services the caller may read appear. Filters combine: owner and system entity refs, \`state\` (drifted, failing, waiting-for-approval), \`mine\` (owned by the caller or their groups), \`search\` (service name or version).

## When to use
Answer "what runs in production across the shop system?", "which services are drifted?", "which of my services are behind qa?". Pass \`cursor\` (a previous answer's \`nextCursor\`) for the next page.`,
    attributes: { destructive: false, readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          owner: z
            .array(z.string())
            .max(50)
            .optional()
            .describe('e.g. group:default/team-a'),
          system: z
            .array(z.string())
            .max(50)
            .optional()
            .describe('e.g. system:default/shop'),
          lifecycle: z.array(z.string()).max(50).optional(),
          state: z
            .array(z.enum(['drifted', 'failing', 'waiting-for-approval']))
            .optional(),
          mine: z.boolean().optional(),
          search: z.string().min(1).max(200).optional(),
          limit: z.number().int().min(1).max(500).optional(),
          cursor: z.string().max(1024).optional(),
        }),
      output: z =>
        z.object({
          total: z.number(),
          nextCursor: z.string().optional(),
          services: z.array(
            z.object({
              entityRef: z.string(),
              owner: z.string().optional(),
              system: z.string().optional(),
              error: z.string().optional(),
              environments: z.array(
                z.object({
                  name: z.string(),
                  version: z.string().optional(),
                  sync: z.string(),
                  flags: z.array(z.string()),
                  since: z.string().optional(),
                  inFlight: z
                    .string()
                    .optional()
                    .describe('State of the promotion in flight into it'),
                  behindSince: z
                    .string()
                    .optional()
                    .describe(
                      'Since when the previous environment has had a version this one lacks',
                    ),
                  commitsBehind: z.number().optional(),
                }),
              ),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const page = await fleet.list(
        {
          owners: refs(input.owner, ['group', 'user'], 'owner'),
          systems: refs(input.system, ['system'], 'system'),
          lifecycles: input.lifecycle
            ? new Set(input.lifecycle.map(l => l.toLocaleLowerCase('en-US')))
            : undefined,
          states: input.state ? new Set(input.state) : undefined,
          mine: input.mine,
          search: input.search,
          limit: input.limit ?? 50,
          cursor: input.cursor,
        },
        { credentials },
      );
      return { output: compact(page) };
    },
  });
}

function refs(
  values: string[] | undefined,
  kinds: [string, ...string[]],
  field: string,
): Set<string> | undefined {
  if (!values?.length) return undefined;
  return new Set(
    values.map(value => {
      const ref = toEntityRef(value, kinds);
      if (!ref) {
        throw new InputError(
          `${field} '${value}' is not a ${kinds.join(' or ')} entity ref`,
        );
      }
      return ref;
    }),
  );
}

function compact(page: FleetResponse) {
  return {
    total: page.total,
    nextCursor: page.nextCursor,
    services: page.services.map(s => ({
      entityRef: s.entityRef,
      owner: s.owner,
      system: s.system,
      error: s.error,
      environments: s.environments.map(env => ({
        name: env.name,
        version: env.version ? formatImageReference(env.version) : undefined,
        sync: env.sync,
        flags: env.flags,
        since: env.since,
        inFlight: env.inFlight?.state,
        behindSince: env.lag?.behindSince,
        commitsBehind: env.lag?.commits,
      })),
    })),
  };
}
