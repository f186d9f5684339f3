import type { ImageReference } from '../images/ImageReference';
import type { KustomizeImage } from './KustomizeImage';
import { KustomizationError } from './KustomizationError';

/**
 * The image an overlay deploys, applying its `images` entry the way kustomize does: the entry
 * whose `name` equals the image name exactly (no regex, no registry normalization); `newName`
 * replaces the name; setting `newTag` or `digest` replaces both the original tag and digest.
 *
 * The entry is the one named `imageName` (the `stageline.io/image` annotation), else the one
 * named like `baseImage` (the image as written in the base), else the only entry. When no entry
 * matches, the overlay leaves the image alone and `baseImage` is returned as is.
 *
 * @returns undefined when nothing is known about the image.
 * @throws KustomizationError when several entries exist and none is chosen.
 * @public
 */
export function resolveOverlayImage(options: {
  images: KustomizeImage[];
  imageName?: string;
  baseImage?: ImageReference;
}): ImageReference | undefined {
  const { images, baseImage } = options;
  const entry = pickEntry(images, options.imageName ?? baseImage?.name);
  if (!entry) return baseImage;
  const original =
    baseImage?.name === entry.name ? baseImage : { name: entry.name };
  const replacesVersion =
    entry.newTag !== undefined || entry.digest !== undefined;
  const tag = replacesVersion ? entry.newTag : original.tag;
  const digest = replacesVersion ? entry.digest : original.digest;
  return {
    name: entry.newName ?? entry.name,
    ...(tag !== undefined && { tag }),
    ...(digest !== undefined && { digest }),
  };
}

function pickEntry(images: KustomizeImage[], name: string | undefined) {
  if (name !== undefined) return images.find(image => image.name === name);
  if (images.length > 1) {
    throw new KustomizationError(
      `the overlay has ${images.length} images entries (${images
        .map(i => i.name)
        .join(
          ', ',
        )}); set the stageline.io/image annotation to the one Stageline tracks`,
    );
  }
  return images[0];
}
