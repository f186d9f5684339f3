import { InputError, NotFoundError } from '@backstage/errors';
import type { GitFile, GitRepository } from './types';

// The file names kustomize looks for, in its order.
const KUSTOMIZATION_FILE_NAMES = [
  'kustomization.yaml',
  'kustomization.yml',
  'Kustomization',
];

/**
 * The kustomization file of an overlay folder. Like kustomize, refuses a folder with several
 * candidates rather than picking one, so Stageline never reads a different file than kustomize.
 */
export async function readKustomization(
  repo: GitRepository,
  overlayDir: string,
): Promise<GitFile> {
  const dir = overlayDir.replace(/\/+$/, '');
  const entries = await repo.listFolder(dir);
  if (!entries) {
    throw new NotFoundError(
      `No overlay folder '${dir}' in ${repo.displayName}`,
    );
  }
  const names = KUSTOMIZATION_FILE_NAMES.filter(n => entries.includes(n));
  if (names.length > 1) {
    throw new InputError(
      `Overlay folder '${dir}' in ${
        repo.displayName
      } has several kustomization files (${names.join(
        ', ',
      )}); keep exactly one`,
    );
  }
  const file = names.length
    ? await repo.readFile(`${dir}/${names[0]}`)
    : undefined;
  if (!file) {
    throw new NotFoundError(
      `No ${KUSTOMIZATION_FILE_NAMES.join(
        ', ',
      )} in overlay folder '${dir}' of ${repo.displayName}`,
    );
  }
  return file;
}
