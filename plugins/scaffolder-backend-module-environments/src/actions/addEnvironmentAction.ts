import { ConflictError, InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { z as zod } from 'zod/v3';
import { inspectWorkspacePath } from '../files/inspectWorkspacePath';
import { readBaseDeploymentName } from '../files/readBaseDeploymentName';
import { writeWorkspaceFiles } from '../files/writeWorkspaceFiles';
import { buildOverlayFiles } from '../layout/buildOverlayFiles';
import { buildServiceLayout } from '../layout/buildServiceLayout';
import { DEFAULT_PREVIEW_NAMESPACE } from '../layout/namespaceNames';
import { examples } from './addEnvironmentAction.examples';
import { layoutInputFields } from './inputFields';
import { parseActionInput } from './parseActionInput';
import { summaryOutputField } from './summaryOutputField';

const addInputFields = {
  ...layoutInputFields,
  environment: (z: typeof zod) =>
    z.string({
      description:
        "The environment to add (a DNS-1123 label), e.g. uat or perf; its namespace is the environment's (shared) or '<name>-<environment>' (per-service)",
    }),
};

/**
 * `stageline:environments:add`: adds one environment's overlay to a service whose base and
 * overlays already exist in the workspace (a service that grows a uat or perf stage).
 *
 * @public
 */
export function addEnvironmentAction() {
  return createTemplateAction({
    id: 'stageline:environments:add',
    description:
      "Adds one environment overlay (ingress, the service's network policy; in per-service namespaces also the namespace with quota, limits, policies and RBAC) to an existing Kustomize layout in the workspace",
    examples,
    supportsDryRun: true,
    schema: {
      input: addInputFields,
      output: { summary: summaryOutputField },
    },
    async handler(ctx) {
      const input = parseActionInput(addInputFields, ctx.input);
      const layout = buildServiceLayout({
        ...input,
        environments: [input.environment],
        previews: false,
        previewNamespace: DEFAULT_PREVIEW_NAMESPACE,
        // Only the base uses these; the base already exists.
        port: 8080,
        healthPath: '/health',
        migrations: false,
        migrationsCommand: ['/bin/true'],
      });
      const env = layout.environments[0];

      const baseName = await readBaseDeploymentName(
        ctx.workspacePath,
        layout.basePath,
      );
      if (baseName !== layout.name) {
        throw new InputError(
          `Input 'name' is '${layout.name}' but the base Deployment in '${layout.basePath}' is '${baseName}'`,
        );
      }
      const folder = `${layout.overlaysPath}/${env.name}`;
      if (await inspectWorkspacePath(ctx.workspacePath, folder)) {
        throw new ConflictError(
          `Input 'environment': '${env.name}' already has an overlay at '${folder}'`,
        );
      }

      const files = buildOverlayFiles(layout, env);
      await writeWorkspaceFiles(ctx.workspacePath, files);
      ctx.logger.info(`Added the ${env.name} overlay for ${layout.name}`);
      ctx.output('summary', {
        files: files.map(f => f.path),
        environments: [env.name],
      });
    },
  });
}
