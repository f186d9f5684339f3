import { parseEntityRef } from '@backstage/catalog-model';
import type { Promotion } from '@stageline/plugin-environments-common';

/**
 * The app's page of one promotion, below the service's Environments tab: where notifications
 * send people. Relative when the app's URL is not configured.
 */
export function promotionDetailLink(
  appBaseUrl: string,
  promotion: Pick<Promotion, 'id' | 'entityRef'>,
): string {
  const ref = parseEntityRef(promotion.entityRef);
  const entityPath = [ref.namespace, ref.kind, ref.name]
    .map(encodeURIComponent)
    .join('/');
  return `${appBaseUrl}/catalog/${entityPath}/environments/promotions/${encodeURIComponent(
    promotion.id,
  )}`;
}
