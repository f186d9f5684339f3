import { InputError } from '@backstage/errors';
import { parseImageReference } from '@stageline/plugin-environments-common';

/**
 * Throws an InputError naming `field` unless `value` is an image repository name such as
 * `ghcr.io/acme/checkout`: no tag and no digest, because the overlays pin those.
 */
export function assertImageRepository(field: string, value: string): void {
  let problem: string | undefined;
  try {
    const ref = parseImageReference(value);
    if (ref.tag !== undefined || ref.digest !== undefined) {
      problem = 'must not carry a tag or digest (the overlays set them)';
    }
  } catch (error) {
    problem = (error as Error).message;
  }
  if (problem) {
    throw new InputError(
      `Input '${field}' must be an image repository such as 'ghcr.io/acme/checkout': ${problem}`,
    );
  }
}
