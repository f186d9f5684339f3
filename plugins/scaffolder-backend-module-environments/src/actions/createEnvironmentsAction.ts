import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { OverlayOwner } from '@stageline/plugin-environments-common';
import { z as zod } from 'zod/v3';
import { writeWorkspaceFiles } from '../files/writeWorkspaceFiles';
import { buildAnnotations } from '../layout/buildAnnotations';
import { buildBaseFiles } from '../layout/buildBaseFiles';
import { buildOverlayFiles } from '../layout/buildOverlayFiles';
import { buildOverlayOwner } from '../layout/buildOverlayOwner';
import { buildOwnerFile } from '../layout/buildOwnerFile';
import { buildServiceLayout } from '../layout/buildServiceLayout';
import { DEFAULT_PREVIEW_NAMESPACE } from '../layout/namespaceNames';
import { ServiceLayout } from '../manifests/layoutTypes';
import { assertDns1123Label } from '../validation/assertDns1123Label';
import { examples } from './createEnvironmentsAction.examples';
import { layoutInputFields } from './inputFields';
import { parseActionInput } from './parseActionInput';
import { summaryOutputField } from './summaryOutputField';
import { assertGitopsRepo } from '../validation/assertGitopsRepo';
import { assertRepoSlug } from '../validation/assertRepoSlug';

type Z = typeof zod;

const createInputFields = {
  ...layoutInputFields,
  environments: (z: Z) =>
    z
      .array(z.string(), {
        description:
          'Environments of the chain, in order; one overlay each, namespace = environment name',
      })
      .default(['qa', 'staging', 'production']),
  previews: (z: Z) =>
    z
      .boolean({
        description:
          "Write the 'feature' overlay template for per-PR previews (CI fills in PRNUMBER and GITSHA)",
      })
      .default(true),
  previewNamespace: (z: Z) =>
    z
      .string({
        description:
          "Namespace of a preview: '{number}' is the pull request number, '{service}' the service name. The default gives every service its own; 'feature-pr-{number}' matches the portal's default preview pattern but lets two repositories' pull requests with the same number meet",
      })
      .default(DEFAULT_PREVIEW_NAMESPACE),
  port: (z: Z) =>
    z
      .number({ description: 'Container port the service listens on' })
      .int()
      .min(1)
      .max(65535)
      .default(8080),
  healthPath: (z: Z) =>
    z
      .string({ description: 'HTTP path of the readiness and liveness probes' })
      .default('/health'),
  migrations: (z: Z) =>
    z
      .boolean({
        description:
          'Add a migrations Job to the base that runs once per release before the rollout (Argo CD PreSync hook, recreated by Flux), with backoffLimit 0',
      })
      .default(false),
  migrationsCommand: (z: Z) =>
    z
      .array(z.string(), {
        description:
          "The migrations Job's command (exec form, no shell), run from the release's image",
      })
      .default(['/app/migrate', 'up']),
  entityRef: (z: Z) =>
    z
      .string({
        description:
          "The catalog entity that owns the overlays, written to the overlays folder's owner file; kind 'component' and namespace 'default' when left out. Default: the service name",
      })
      .optional(),
  repoSlug: (z: Z) =>
    z.string({ description: 'Source repository as owner/repo' }).optional(),
  gitopsRepo: (z: Z) =>
    z
      .string({
        description:
          'GitOps repository (owner/repo or https Git URL); defaults to the source repository',
      })
      .optional(),
  chain: (z: Z) =>
    z.string({ description: 'Chain name from environments.chains' }).optional(),
};

function filesOf(layout: ServiceLayout, owner: OverlayOwner) {
  const overlays = [
    ...layout.environments,
    ...(layout.preview ? [layout.preview] : []),
  ];
  return [
    ...buildBaseFiles(layout),
    buildOwnerFile(layout.overlaysPath, owner),
    ...overlays.flatMap(env => buildOverlayFiles(layout, env)),
  ];
}

/**
 * `stageline:environments:create`: writes a Kustomize base and one overlay per environment
 * (ingress, the service's network policy, HPA and PDB where protected; in `per-service` mode
 * also its namespace with quota, limits, policies and RBAC), the preview overlay template and the
 * overlays' owner file, and outputs the catalog annotations.
 *
 * @public
 */
export function createEnvironmentsAction() {
  return createTemplateAction({
    id: 'stageline:environments:create',
    description:
      "Writes a Kustomize base and per-environment overlays into the workspace (in shared namespaces the service's objects only; in per-service namespaces also their quota, limits, network policies and RBAC), and outputs the catalog annotations",
    examples,
    supportsDryRun: true,
    schema: {
      input: createInputFields,
      output: {
        annotations: z =>
          z.record(z.string(), z.string(), {
            description: 'Annotations to put on the catalog entity',
          }),
        summary: summaryOutputField,
      },
    },
    async handler(ctx) {
      const input = parseActionInput(createInputFields, ctx.input);
      if (input.repoSlug !== undefined) {
        assertRepoSlug('repoSlug', input.repoSlug);
      }
      if (input.gitopsRepo !== undefined) {
        assertGitopsRepo('gitopsRepo', input.gitopsRepo);
      }
      if (input.chain !== undefined) assertDns1123Label('chain', input.chain);
      const layout = buildServiceLayout(input);
      const files = filesOf(layout, buildOverlayOwner(input));

      // Writes in dry run too: the workspace is then a throw-away copy, like fetch:template's.
      await writeWorkspaceFiles(ctx.workspacePath, files);
      ctx.logger.info(
        `Wrote ${files.length} files for ${
          layout.name
        }: base and overlays ${layout.environments
          .map(e => e.name)
          .join(', ')}${layout.preview ? ' and the preview template' : ''}`,
      );
      ctx.output('annotations', buildAnnotations(input));
      ctx.output('summary', {
        files: files.map(f => f.path),
        environments: layout.environments.map(e => e.name),
        previewOverlay: layout.preview
          ? `${layout.overlaysPath}/${layout.preview.name}`
          : undefined,
      });
    },
  });
}
