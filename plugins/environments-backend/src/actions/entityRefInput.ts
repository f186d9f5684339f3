import { parseEntityRef } from '@backstage/catalog-model';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/** An action's `entityRef` input (`component:default/checkout` or `checkout`) as a ref. */
export function entityRefInput(value: string): CompoundEntityRef {
  try {
    return parseEntityRef(value, {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
  } catch (error) {
    throw new InputError(`entityRef '${value}' is not an entity reference`);
  }
}
