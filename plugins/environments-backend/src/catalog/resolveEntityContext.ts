import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  KUBERNETES_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_QUERY_ANNOTATION,
} from '@backstage/plugin-kubernetes-common';
import { STAGELINE_ANNOTATIONS } from '@stageline/plugin-environments-common';
import type { EntityContext } from './EntityContext';

/** The annotation naming a service's source repository. */
export const PROJECT_SLUG = 'github.com/project-slug';

/** Reads the annotations that wire an entity to Stageline, applying the documented defaults. */
export function resolveEntityContext(
  entity: Entity,
  defaults: { overlaysPath: string },
): EntityContext {
  const entityRef = stringifyEntityRef(entity);
  const annotations = entity.metadata.annotations ?? {};
  const kubernetesId = annotations[KUBERNETES_ANNOTATION];
  if (!kubernetesId) {
    throw new NotFoundError(
      `Entity '${entityRef}' has no '${KUBERNETES_ANNOTATION}' annotation, so it has no environments`,
    );
  }
  const sourceRepo = annotations[PROJECT_SLUG] || undefined;
  return {
    entityRef,
    service: entity.metadata.name,
    chain: annotations[STAGELINE_ANNOTATIONS.chain] || 'default',
    labelSelector:
      annotations[KUBERNETES_LABEL_SELECTOR_QUERY_ANNOTATION] ||
      `${KUBERNETES_ANNOTATION}=${kubernetesId}`,
    gitopsRepo: annotations[STAGELINE_ANNOTATIONS.gitopsRepo] || sourceRepo,
    gitopsRepoAnnotation: annotations[STAGELINE_ANNOTATIONS.gitopsRepo]
      ? STAGELINE_ANNOTATIONS.gitopsRepo
      : PROJECT_SLUG,
    sourceRepo,
    overlaysPath: safeRelativePath(
      annotations[STAGELINE_ANNOTATIONS.overlaysPath] || defaults.overlaysPath,
    ),
    imageName: annotations[STAGELINE_ANNOTATIONS.image] || undefined,
  };
}

// The overlays path is catalog data that becomes a repository path: keep it inside the repo.
// An absolute path is refused like an escape, not quietly made relative: `/etc` is a mistake.
function safeRelativePath(path: string): string {
  const trimmed = path.replace(/\/+$/g, '');
  const parts = trimmed.split('/');
  if (
    !trimmed ||
    trimmed.startsWith('/') ||
    /^[A-Za-z]:/.test(trimmed) ||
    /[\\\0]/.test(trimmed) ||
    parts.some(p => p === '..' || p === '.' || p === '')
  ) {
    throw new InputError(
      `Annotation '${STAGELINE_ANNOTATIONS.overlaysPath}' must be a relative folder inside the repository, got '${path}'`,
    );
  }
  return trimmed;
}
