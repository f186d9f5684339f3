import { InputError } from '@backstage/errors';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Throws an InputError naming `field` unless `value` is a DNS-1123 label (Kubernetes names). */
export function assertDns1123Label(field: string, value: string): void {
  if (value.length > 63 || !DNS1123_LABEL.test(value)) {
    throw new InputError(
      `Input '${field}' must be a DNS-1123 label (at most 63 lowercase letters, digits or '-', starting and ending with a letter or digit), got '${value}'`,
    );
  }
}
