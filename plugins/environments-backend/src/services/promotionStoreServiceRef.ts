import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { DatabasePromotionStore } from '../promotions/store/DatabasePromotionStore';

/**
 * Promotions, approvals, audit rows and preview overrides in the plugin's database (migrated
 * on first use).
 *
 * @public
 */
export const promotionStoreServiceRef =
  createServiceRef<DatabasePromotionStore>({
    id: 'environments.promotion-store',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: { database: coreServices.database },
        factory: ({ database }) => DatabasePromotionStore.create({ database }),
      }),
  });
