import { parseDocument } from 'yaml';

/** The `images` entry of a kustomization: the version an overlay pins. */
export type OverlayImage = { name: string; newTag?: string; digest?: string };

/** The first `images` entry of a kustomization. */
export function overlayImage(text: string): OverlayImage {
  const images = parseDocument(text).toJS().images as OverlayImage[];
  return images[0];
}
