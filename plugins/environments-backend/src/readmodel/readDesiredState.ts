import type { DesiredState } from '@stageline/plugin-environments-common';
import { resolveOverlayImage } from '@stageline/plugin-environments-common';
import type { RepositorySnapshot } from '../gitops/types';

/** Reads what an overlay declares at a snapshot: its kustomization's image entry. */
export async function readDesiredState(
  snapshot: RepositorySnapshot,
  overlayDir: string,
  imageName: string | undefined,
): Promise<DesiredState> {
  const kustomization = await snapshot.kustomization(overlayDir);
  const image = resolveOverlayImage({
    images: kustomization.images,
    imageName,
  });
  const changedAt = snapshot.changedAt(kustomization.path);
  return {
    path: kustomization.path,
    image,
    revision: snapshot.commitSha,
    ...(changedAt && { changedAt: changedAt.toISOString() }),
  };
}
