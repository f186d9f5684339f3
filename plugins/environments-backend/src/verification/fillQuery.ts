import { InputError } from '@backstage/errors';

// Kubernetes names: safe inside a PromQL string literal without escaping.
const SAFE_VALUE = /^[A-Za-z0-9._-]+$/;

/**
 * A Prometheus query template with `{namespace}` and `{service}` filled. Values that are not plain
 * Kubernetes names are refused, so a value can never change the query's structure.
 */
export function fillQuery(
  template: string,
  values: { namespace: string; service: string },
): string {
  for (const [name, value] of Object.entries(values)) {
    if (!SAFE_VALUE.test(value)) {
      throw new InputError(
        `The ${name} '${value}' is not a plain Kubernetes name, so it is not put in a Prometheus query`,
      );
    }
  }
  return template
    .replaceAll('{namespace}', values.namespace)
    .replaceAll('{service}', values.service);
}
