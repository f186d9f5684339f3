import { InputError } from '@backstage/errors';

import { isDns1123Label } from '@stageline/plugin-environments-common';

/** Throws an InputError naming `field` unless `value` is a DNS-1123 label (Kubernetes names). */
export function assertDns1123Label(field: string, value: string): void {
  if (!isDns1123Label(value)) {
    throw new InputError(
      `Input '${field}' must be a DNS-1123 label (at most 63 lowercase letters, digits or '-', starting and ending with a letter or digit), got '${value}'`,
    );
  }
}
