import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { z as zod } from 'zod/v3';
import { syncWorkspaceFiles } from '../files/syncWorkspaceFiles';
import { buildPlatformFiles } from '../layout/buildPlatformFiles';
import { buildPlatformLayout } from '../layout/buildPlatformLayout';
import {
  amountsField,
  environmentInputFields,
  quotaField,
} from './environmentInputFields';
import { examples } from './platformEnvironmentsAction.examples';
import { parseActionInput } from './parseActionInput';

type Z = typeof zod;

const platformInputFields = {
  path: (z: Z) =>
    z
      .string({
        description:
          'Folder of the environment layer in the GitOps repository: one subfolder per environment',
      })
      .default('platform/environments'),
  owner: (z: Z) =>
    z.string({
      description:
        "Team that owns the shared namespaces (a DNS-1123 label), written as each namespace's owner label",
    }),
  environments: (z: Z) =>
    z
      .array(z.string(), {
        description:
          'Environments to create or update, each a shared namespace of the same name; others already in the folder are left alone',
      })
      .default(['qa', 'staging', 'production']),
  ...environmentInputFields,
  sizing: (z: Z) =>
    z
      .record(
        z.string(),
        z
          .object({
            requests: amountsField(z).optional(),
            limits: amountsField(z).optional(),
            quota: quotaField(z).optional(),
          })
          .strict(),
        {
          description:
            "Per-environment overrides of the namespace's ResourceQuota (quota) and LimitRange defaults (requests, limits)",
        },
      )
      .default({}),
};

/**
 * `stageline:environments:platform`: creates or updates the environment layer of a GitOps
 * repository, once for all services: per environment a shared Namespace with Pod Security labels,
 * its ResourceQuota, LimitRange, default-deny and same-namespace network policies and team RBAC.
 * Idempotent: identical files are left untouched, so a second run changes nothing.
 *
 * @public
 */
export function platformEnvironmentsAction() {
  return createTemplateAction({
    id: 'stageline:environments:platform',
    description:
      'Creates or updates the environment layer (shared namespaces with Pod Security labels, quotas, limit ranges, network policies and team RBAC) in the workspace, idempotently',
    examples,
    supportsDryRun: true,
    schema: {
      input: platformInputFields,
      output: {
        summary: z =>
          z.object(
            {
              created: z.array(z.string()),
              updated: z.array(z.string()),
              unchanged: z.array(z.string()),
              environments: z.array(z.string()),
            },
            {
              description:
                'Files created, rewritten and left as they were (relative to the workspace), and the environments written',
            },
          ),
      },
    },
    async handler(ctx) {
      const input = parseActionInput(platformInputFields, ctx.input);
      const layout = buildPlatformLayout(input);
      // Writes in dry run too: the workspace is then a throw-away copy, like fetch:template's.
      const result = await syncWorkspaceFiles(
        ctx.workspacePath,
        buildPlatformFiles(layout),
      );
      ctx.logger.info(
        `Environment layer in ${layout.path}: ${result.created.length} files created, ${result.updated.length} updated, ${result.unchanged.length} unchanged`,
      );
      ctx.output('summary', {
        ...result,
        environments: layout.layers.map(l => l.environment),
      });
    },
  });
}
