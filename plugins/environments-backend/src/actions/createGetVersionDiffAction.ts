import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { Authorization } from '../authorization/Authorization';
import type { CallerBudget } from '../authorization/CallerBudget';
import type { EnvironmentsService } from '../readmodel/EnvironmentsService';
import { entityRefInput } from './entityRefInput';

/** `environments:get-version-diff`: commits between two versions of a service. */
export function createGetVersionDiffAction(options: {
  actionsRegistry: ActionsRegistryService;
  authorization: Authorization;
  environments: EnvironmentsService;
  /** The same per-caller budget as the diff route: MCP is no way around it. */
  githubReads: CallerBudget;
}) {
  const { actionsRegistry, authorization, environments, githubReads } = options;
  actionsRegistry.register({
    name: 'get-version-diff',
    title: 'Get the commits between two versions of a service',
    description: `Lists the commits (and the pull requests they came from) between two versions of a service, from its source repository. Versions are image tags (source commit SHAs) or full image references.

## When to use
Answer "what changes would promoting staging to production carry?" — pass the production version as \`from\` and the staging version as \`to\` (get them with get-environments).`,
    attributes: { destructive: false, readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: z.string().describe('e.g. component:default/checkout'),
          from: z.string().min(1).max(512).describe('Older version'),
          to: z.string().min(1).max(512).describe('Newer version'),
        }),
      output: z =>
        z.object({
          repository: z.string(),
          truncated: z.boolean(),
          commits: z.array(
            z.object({
              sha: z.string(),
              message: z.string(),
              author: z.string().optional(),
              pullRequest: z.number().optional(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const ref = entityRefInput(input.entityRef);
      await authorization.requireRead(stringifyEntityRef(ref), credentials);
      await githubReads.spend(credentials);
      const diff = await environments.getVersionDiff(
        ref,
        { from: input.from, to: input.to },
        { credentials },
      );
      return {
        output: {
          repository: diff.repository,
          truncated: diff.truncated,
          commits: diff.commits.map(c => ({
            sha: c.sha,
            message: c.message,
            author: c.author,
            pullRequest: c.pullRequest?.number,
          })),
        },
      };
    },
  });
}
