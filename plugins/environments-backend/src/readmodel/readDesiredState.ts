import type { DesiredState } from '@stageline/plugin-environments-common';
import { resolveOverlayImage } from '@stageline/plugin-environments-common';
import type { RepositorySnapshot } from '../gitops/types';

/**
 * Reads what an overlay declares at a snapshot: its kustomization's image entry, and whether its
 * layout declares a migrations Job.
 */
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
  const migrationsJob = await snapshot.declaresMigrationsJob(
    overlayDir,
    imageName,
  );
  return {
    path: kustomization.path,
    image,
    revision: snapshot.commitSha,
    ...(changedAt && { changedAt: changedAt.toISOString() }),
    ...(migrationsJob && { migrationsJob: true as const }),
  };
}
