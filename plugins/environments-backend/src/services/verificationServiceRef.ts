import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { PromotionVerifier } from '../verification/PromotionVerifier';
import { VerificationStore } from '../verification/VerificationStore';
import { promotionStoreServiceRef } from './promotionStoreServiceRef';

/**
 * Verification after a promotion: the checks (workloads, HTTP, Prometheus) and the table of what
 * they found.
 *
 * @public
 */
export const verificationServiceRef = createServiceRef<PromotionVerifier>({
  id: 'environments.verification',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      // The promotion store runs the plugin's migrations, this table's included.
      deps: {
        database: coreServices.database,
        promotionStore: promotionStoreServiceRef,
      },
      async factory({ database }) {
        const now = () => new Date();
        return new PromotionVerifier({
          store: new VerificationStore(await database.getClient(), now),
          now,
        });
      },
    }),
});
