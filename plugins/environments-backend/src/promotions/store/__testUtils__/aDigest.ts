import { createHash } from 'node:crypto';

/** A well-formed sha256 digest derived from a seed. */
export function aDigest(seed: string): string {
  return `sha256:${createHash('sha256').update(seed).digest('hex')}`;
}
