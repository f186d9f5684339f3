import { parseDocument } from 'yaml';
import type { OverlayImage } from './overlayImage';

/** The kustomization with its first `images` entry pinned to `image`'s tag and digest. */
export function withOverlayImage(text: string, image: OverlayImage): string {
  const doc = parseDocument(text);
  doc.setIn(['images', 0, 'newTag'], image.newTag);
  doc.setIn(['images', 0, 'digest'], image.digest);
  return doc.toString();
}
