/**
 * Thrown when a kustomization cannot be read safely or its `images` are ambiguous.
 *
 * @remarks
 * Its `name` is `InputError` because this package cannot depend on `@backstage/errors`, and
 * Backstage's error middleware maps errors by name: an escaping one becomes a 400, not a 500.
 *
 * @public
 */
export class KustomizationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
