import type { OverlayOwner } from '@stageline/plugin-environments-common';
import { parseEntityRefInput } from '../validation/parseEntityRefInput';
import { repositorySlug } from './repositorySlug';

/** Input of {@link buildOverlayOwner}; `repoSlug` and `gitopsRepo` already validated. */
export type OverlayOwnerInput = {
  /** The service name, the entity's name when no `entityRef` is given. */
  name: string;
  entityRef?: string;
  repoSlug?: string;
  gitopsRepo?: string;
};

/**
 * Who owns a service's overlays: its catalog entity (validated, in full), and its source
 * repository when the overlays live in another (GitOps) repository.
 */
export function buildOverlayOwner(input: OverlayOwnerInput): OverlayOwner {
  const entity = parseEntityRefInput(
    'entityRef',
    input.entityRef ?? input.name,
  );
  const { repoSlug, gitopsRepo = repoSlug } = input;
  // An unreadable GitOps URL counts as another repository: naming the source is then harmless.
  const elsewhere =
    repoSlug !== undefined &&
    repositorySlug(gitopsRepo!) !== repositorySlug(repoSlug);
  return { entity, ...(elsewhere && { sourceRepository: repoSlug }) };
}
