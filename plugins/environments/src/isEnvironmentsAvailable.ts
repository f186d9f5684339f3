import type { Entity } from '@backstage/catalog-model';
import { KUBERNETES_ANNOTATION } from '@backstage/plugin-kubernetes-common';

/**
 * True when the entity carries `backstage.io/kubernetes-id`, the annotation that lights up the
 * Environments tab. For `EntitySwitch` in legacy apps.
 *
 * @public
 */
export function isEnvironmentsAvailable(entity: Entity): boolean {
  return Boolean(entity.metadata.annotations?.[KUBERNETES_ANNOTATION]);
}
