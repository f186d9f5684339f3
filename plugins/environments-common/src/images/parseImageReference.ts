import type { ImageReference } from './ImageReference';
import { digestProblem } from './digestProblem';
import { ImageReferenceError } from './ImageReferenceError';
import { imageNameProblem } from './imageNameProblem';
import { isValidTag } from './isValidTag';

/**
 * Splits `name[:tag][@digest]` following the distribution/reference grammar. A registry port
 * (`host:5000/app`) is part of the name, not a tag. Only sha256 digests are accepted.
 *
 * @throws ImageReferenceError naming what is wrong.
 * @public
 */
export function parseImageReference(ref: string): ImageReference {
  if (!ref) throw new ImageReferenceError('image reference is empty');
  if (ref.trim() !== ref) {
    throw new ImageReferenceError(
      `image reference '${ref}' has leading or trailing whitespace`,
    );
  }
  const at = ref.indexOf('@');
  const rest = at < 0 ? ref : ref.slice(0, at);
  const digest = at < 0 ? undefined : ref.slice(at + 1);
  // A tag colon can only come after the last slash; earlier colons are registry ports.
  const colon = rest.indexOf(':', rest.lastIndexOf('/') + 1);
  const name = colon < 0 ? rest : rest.slice(0, colon);
  const tag = colon < 0 ? undefined : rest.slice(colon + 1);

  const problem =
    imageNameProblem(name) ?? tagProblem(tag) ?? digestOrEmptyProblem(digest);
  if (problem) {
    throw new ImageReferenceError(
      `invalid image reference '${ref}': ${problem}`,
    );
  }
  return {
    name,
    ...(tag !== undefined && { tag }),
    ...(digest !== undefined && { digest }),
  };
}

function tagProblem(tag: string | undefined): string | undefined {
  if (tag === undefined || isValidTag(tag)) return undefined;
  if (tag === '') return "the tag after ':' is empty";
  return `tag '${tag}' must match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`;
}

function digestOrEmptyProblem(digest: string | undefined): string | undefined {
  if (digest === undefined) return undefined;
  if (digest === '') return "the digest after '@' is empty";
  return digestProblem(digest);
}
