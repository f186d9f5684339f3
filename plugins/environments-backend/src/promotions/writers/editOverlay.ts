import { InputError } from '@backstage/errors';
import { setKustomizationImage } from '@stageline/plugin-environments-common';
import type { OverlayWriteRequest } from './types';

/**
 * The target kustomization with the request's image written into its `images` entry:
 * `newName` only when the promoted name differs from the entry's name, always tag and digest.
 */
export function editOverlay(
  content: string,
  request: Pick<OverlayWriteRequest, 'imageName' | 'image'>,
): string {
  const { image, imageName } = request;
  if (!image.tag) {
    throw new InputError(
      `Cannot promote ${image.name} without a tag: the overlay's newTag must name the version`,
    );
  }
  return setKustomizationImage(content, {
    name: imageName,
    ...(image.name !== imageName && { newName: image.name }),
    newTag: image.tag,
    ...(image.digest !== undefined && { digest: image.digest }),
  });
}
