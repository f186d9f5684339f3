/**
 * Thrown when a Kubernetes label selector is malformed.
 *
 * @remarks
 * Named `InputError` for the same reason as `ImageReferenceError`: Backstage's error middleware
 * maps errors by name, so an escaping one becomes a 400.
 *
 * @public
 */
export class LabelSelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
