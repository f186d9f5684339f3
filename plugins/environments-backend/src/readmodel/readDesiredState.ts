import type { DesiredState } from '@stageline/plugin-environments-common';
import {
  parseKustomizationImages,
  resolveOverlayImage,
} from '@stageline/plugin-environments-common';
import { readKustomization } from '../gitops/readKustomization';
import type { GitRepository } from '../gitops/types';

/** Reads what an overlay declares: its image entry and the commit that last changed it. */
export async function readDesiredState(
  repo: GitRepository,
  overlayDir: string,
  imageName: string | undefined,
): Promise<DesiredState> {
  const file = await readKustomization(repo, overlayDir);
  const image = resolveOverlayImage({
    images: parseKustomizationImages(file.content),
    imageName,
  });
  const commit = await repo.getLastCommit(file.path);
  return { path: file.path, image, commit };
}
