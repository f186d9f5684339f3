import { IMAGE } from '../../kubernetes/__testUtils__/workloadObjects';
import type { CheckoutVersion } from './CheckoutVersion';

/** The image reference kustomize renders for a version pinned by tag and digest. */
export function checkoutImage(version: CheckoutVersion): string {
  return `${IMAGE}:${version.tag}@${version.digest}`;
}
