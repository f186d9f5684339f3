import { KUBERNETES_ANNOTATION } from '@backstage/plugin-kubernetes-common';
import { STAGELINE_ANNOTATIONS } from '@stageline/plugin-environments-common';

/** Input of {@link buildAnnotations}; values already validated. */
export type AnnotationsInput = {
  name: string;
  image: string;
  overlaysPath: string;
  repoSlug?: string;
  gitopsRepo?: string;
  chain?: string;
};

/** The catalog annotations that light up the Environments tab for the written layout. */
export function buildAnnotations(
  input: AnnotationsInput,
): Record<string, string> {
  const annotations: Record<string, string> = {
    [KUBERNETES_ANNOTATION]: input.name,
    [STAGELINE_ANNOTATIONS.overlaysPath]: input.overlaysPath,
    [STAGELINE_ANNOTATIONS.image]: input.image,
  };
  if (input.repoSlug) annotations['github.com/project-slug'] = input.repoSlug;
  const gitops = input.gitopsRepo ?? input.repoSlug;
  if (gitops) annotations[STAGELINE_ANNOTATIONS.gitopsRepo] = gitops;
  if (input.chain) annotations[STAGELINE_ANNOTATIONS.chain] = input.chain;
  return annotations;
}
