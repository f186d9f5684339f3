import { isSeq } from 'yaml';
import type { KustomizeImage } from './KustomizeImage';
import { KustomizationError } from './KustomizationError';
import { parseKustomizationDocument } from './parseKustomizationDocument';
import { readImageEntry } from './readImageEntry';

/**
 * The `images` entries of a kustomization file. Refuses input that could be read differently by
 * kustomize (duplicate keys, aliases, `%YAML 1.1`, unquoted numeric or boolean-looking values),
 * oversized input, and two entries with the same name.
 *
 * @throws KustomizationError naming what is wrong.
 * @public
 */
export function parseKustomizationImages(text: string): KustomizeImage[] {
  const doc = parseKustomizationDocument(text);
  const node = doc?.get('images', true);
  if (node === undefined || node === null || isNullScalar(node)) return [];
  if (!isSeq(node)) {
    throw new KustomizationError("kustomization field 'images' must be a list");
  }
  const images = node.items.map((item, index) => readImageEntry(item, index));
  const seen = new Set<string>();
  for (const image of images) {
    if (seen.has(image.name)) {
      throw new KustomizationError(
        `kustomization has two images entries named '${image.name}'`,
      );
    }
    seen.add(image.name);
  }
  return images;
}

function isNullScalar(node: unknown) {
  return (node as { value?: unknown }).value === null;
}
