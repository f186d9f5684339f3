import type { Entity } from '@backstage/catalog-model';

/** The entity's source repository `owner/repo`, from `github.com/project-slug`. */
export function projectSlugOf(entity: Entity): string | undefined {
  return entity.metadata.annotations?.['github.com/project-slug'];
}
