import { InputError } from '@backstage/errors';

// Kubernetes resource quantity: a non-negative decimal with an optional binary, decimal or
// exponent suffix (apimachinery resource.Quantity), e.g. 500m, 1, 1.5, 512Mi, 1e3.
const QUANTITY = /^(\d+(\.\d*)?|\.\d+)([KMGTPE]i|[mkMGTPE]|[eE][+-]?\d+)?$/;

/** Throws an InputError naming `field` unless `value` is a Kubernetes resource quantity. */
export function assertQuantity(field: string, value: string): void {
  if (value.length > 32 || !QUANTITY.test(value)) {
    throw new InputError(
      `Input '${field}' must be a Kubernetes quantity such as '500m', '2' or '512Mi', got '${value}'`,
    );
  }
}
