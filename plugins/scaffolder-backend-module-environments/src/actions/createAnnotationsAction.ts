import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { KUBERNETES_ANNOTATION } from '@backstage/plugin-kubernetes-common';
import { STAGELINE_ANNOTATIONS } from '@stageline/plugin-environments-common';
import { z as zod } from 'zod/v3';
import { assertDns1123Label } from '../validation/assertDns1123Label';
import { examples } from './createAnnotationsAction.examples';
import { parseActionInput } from './parseActionInput';
import { assertRelativePath } from '../validation/assertRelativePath';
import { assertRepoSlug } from '../validation/assertRepoSlug';

type Z = typeof zod;

const annotationsInputFields = {
  name: (z: Z) =>
    z.string({
      description:
        'Service name, a DNS-1123 label; becomes backstage.io/kubernetes-id',
    }),
  repoSlug: (z: Z) =>
    z.string({ description: 'Source repository as owner/repo' }).optional(),
  gitopsRepo: (z: Z) =>
    z
      .string({
        description:
          'GitOps repository (owner/repo or a Git URL); defaults to the source repository',
      })
      .optional(),
  overlaysPath: (z: Z) =>
    z
      .string({ description: 'Folder with one overlay per environment' })
      .default('k8s/overlays'),
  chain: (z: Z) =>
    z.string({ description: 'Chain name from environments.chains' }).optional(),
};

/**
 * `stageline:environments:annotations`: computes the catalog annotations that light up the
 * Environments tab for a service, validating every value first.
 *
 * @public
 */
export function createAnnotationsAction() {
  return createTemplateAction({
    id: 'stageline:environments:annotations',
    description:
      'Computes the catalog annotations (backstage.io/kubernetes-id, github.com/project-slug, stageline.io/*) that light up the Environments tab',
    examples,
    supportsDryRun: true,
    schema: {
      input: annotationsInputFields,
      output: {
        annotations: z =>
          z.record(z.string(), z.string(), {
            description: 'Annotations to put on the catalog entity',
          }),
      },
    },
    async handler(ctx) {
      const { name, repoSlug, gitopsRepo, overlaysPath, chain } =
        parseActionInput(annotationsInputFields, ctx.input);
      assertDns1123Label('name', name);
      if (repoSlug !== undefined) assertRepoSlug('repoSlug', repoSlug);
      if (chain !== undefined) assertDns1123Label('chain', chain);
      assertRelativePath('overlaysPath', overlaysPath);

      const annotations: Record<string, string> = {
        [KUBERNETES_ANNOTATION]: name,
        [STAGELINE_ANNOTATIONS.overlaysPath]: overlaysPath,
      };
      if (repoSlug) annotations['github.com/project-slug'] = repoSlug;
      const gitops = gitopsRepo ?? repoSlug;
      if (gitops) annotations[STAGELINE_ANNOTATIONS.gitopsRepo] = gitops;
      if (chain) annotations[STAGELINE_ANNOTATIONS.chain] = chain;
      ctx.output('annotations', annotations);
    },
  });
}
