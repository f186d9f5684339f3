import { InputError } from '@backstage/errors';

import { isDns1123Label } from '@stageline/plugin-environments-common';

/** Throws an InputError naming `field` unless `value` is a DNS-1123 subdomain (e.g. a host name). */
export function assertDns1123Subdomain(field: string, value: string): void {
  const labels = value.split('.');
  const valid = value.length <= 253 && labels.every(isDns1123Label);
  if (!valid) {
    throw new InputError(
      `Input '${field}' must be a DNS-1123 subdomain (lowercase labels of letters, digits or '-' joined by '.', at most 253 characters), got '${value}'`,
    );
  }
}
