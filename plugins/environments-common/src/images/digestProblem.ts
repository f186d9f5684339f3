import { isValidDigest } from './isValidDigest';

const ALGORITHM = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*$/;

/** Why `digest` is not a valid sha256 digest, or undefined when it is. */
export function digestProblem(digest: string): string | undefined {
  if (isValidDigest(digest)) return undefined;
  const colon = digest.indexOf(':');
  if (colon < 0) {
    return `digest '${digest}' must be 'sha256:' followed by 64 lowercase hex characters`;
  }
  const algorithm = digest.slice(0, colon);
  if (algorithm !== 'sha256') {
    return ALGORITHM.test(algorithm)
      ? `digest algorithm '${algorithm}' is not supported: only sha256 is`
      : `digest '${digest}' has an invalid algorithm`;
  }
  return `sha256 digest '${digest}' must have exactly 64 lowercase hex characters after 'sha256:'`;
}
