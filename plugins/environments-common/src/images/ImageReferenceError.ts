/**
 * Thrown when an image reference, tag or digest is malformed.
 *
 * @remarks
 * Its `name` is `InputError` because this package cannot depend on `@backstage/errors`, and
 * Backstage's error middleware maps errors by name: an escaping one becomes a 400, not a 500.
 *
 * @public
 */
export class ImageReferenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
