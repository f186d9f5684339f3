import { InputError } from '@backstage/errors';

const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
/** Leaves room for the ReplicaSet and pod suffixes Kubernetes appends to a Deployment's name. */
const MAX_SERVICE_NAME = 47;

/**
 * Throws an InputError naming `field` unless `value` can name a Deployment, a Service and a
 * label value: a DNS-1035 label (it starts with a letter because it names a Service).
 */
export function assertServiceName(field: string, value: string): void {
  if (value.length > MAX_SERVICE_NAME || !DNS1035_LABEL.test(value)) {
    throw new InputError(
      `Input '${field}' must be a DNS-1035 label (at most ${MAX_SERVICE_NAME} lowercase letters, digits or '-', starting with a letter and ending with a letter or digit), got '${value}'`,
    );
  }
}
