import type { ImageReference } from '@stageline/plugin-environments-common';
import { formatImageReference } from '@stageline/plugin-environments-common';

/** A requested version matches as a full reference, `name:tag`, the bare tag or the digest. */
export function matchesRequested(
  version: ImageReference,
  requested: string,
): boolean {
  return (
    requested === formatImageReference(version) ||
    requested === version.tag ||
    requested === `${version.name}:${version.tag}` ||
    requested === version.digest
  );
}
