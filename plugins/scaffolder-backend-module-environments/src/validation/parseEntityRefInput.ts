import { InputError } from '@backstage/errors';

// The catalog's own rules (@backstage/catalog-model's default validators), kept short here.
const KIND = /^[a-zA-Z][a-zA-Z0-9]*$/;
const NAMESPACE = /^[a-z0-9]+(?:-+[a-z0-9]+)*$/;
const NAME = /^[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const REF = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/;

/**
 * Parses an entity ref such as `payments`, `component:payments` or `component:team-a/payments`
 * (kind `component` and namespace `default` when left out), checks each part as the catalog does,
 * and returns it in full and lowercase (`component:team-a/payments`), the form Stageline compares.
 */
export function parseEntityRefInput(field: string, value: string): string {
  const match = REF.exec(value);
  const [kind = 'component', namespace = 'default', name = ''] = match
    ? match.slice(1)
    : [];
  const valid =
    match !== null &&
    [kind, namespace, name].every(part => part.length <= 63) &&
    KIND.test(kind) &&
    NAMESPACE.test(namespace) &&
    NAME.test(name);
  if (!valid) {
    throw new InputError(
      `Input '${field}' must be an entity ref such as 'component:default/payments' (kind and namespace may be left out), got '${value}'`,
    );
  }
  return `${kind}:${namespace}/${name}`.toLocaleLowerCase('en-US');
}
