// distribution/reference: tag := [\w][\w.-]{0,127}
const TAG = /^[\w][\w.-]{0,127}$/;

/**
 * Whether `tag` is a valid image tag (`[\w][\w.-]{0,127}`).
 *
 * @public
 */
export function isValidTag(tag: string): boolean {
  return TAG.test(tag);
}
