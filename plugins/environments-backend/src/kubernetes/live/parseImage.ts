import {
  type ImageReference,
  parseImageReference,
} from '@stageline/plugin-environments-common';

/** An image string split into name, tag and digest; undefined when absent or malformed. */
export function parseImage(
  image: string | undefined,
): ImageReference | undefined {
  if (!image) return undefined;
  try {
    return parseImageReference(image);
  } catch {
    // A cluster can hold images our stricter grammar rejects; show none rather than fail.
    return undefined;
  }
}
