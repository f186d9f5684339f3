import { parseEntityRef } from '@backstage/catalog-model';
import type { Promotion } from '@stageline/plugin-environments-common';

/**
 * The app's page of one promotion, below the service's Environments tab: where notifications
 * send people. Relative, as Backstage wants notification links: the notifications page opens it
 * in the app, and channels that need an absolute URL (email) resolve it against `app.baseUrl`.
 */
export function promotionDetailLink(
  promotion: Pick<Promotion, 'id' | 'entityRef'>,
): string {
  const ref = parseEntityRef(promotion.entityRef);
  const entityPath = [ref.namespace, ref.kind, ref.name]
    .map(encodeURIComponent)
    .join('/');
  return `/catalog/${entityPath}/environments/promotions/${encodeURIComponent(
    promotion.id,
  )}`;
}
