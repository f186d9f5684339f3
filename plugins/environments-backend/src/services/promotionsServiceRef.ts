import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { notificationService } from '@backstage/plugin-notifications-node';
import { randomUUID } from 'node:crypto';
import { AgentRefresher } from '../kubernetes/writer/AgentRefresher';
import { readClusterDefinitions } from '../kubernetes/config/readClusterDefinitions';
import { ChainReadiness } from '../promotions/ChainReadiness';
import { PromotionEngine } from '../promotions/engine/PromotionEngine';
import { promotionDetailLink } from '../promotions/promotionDetailLink';
import { PromotionNotifier } from '../promotions/PromotionNotifier';
import { PromotionService } from '../promotions/PromotionService';
import { DefaultOverlayWriterResolver } from '../promotions/writers/resolver/DefaultOverlayWriterResolver';
import { environmentsConfigServiceRef } from './environmentsConfigServiceRef';
import { authorizationServiceRef } from './authorizationServiceRef';
import { environmentsServiceRef } from './environmentsServiceRef';
import { gitopsRepositoriesServiceRef } from './gitopsRepositoriesServiceRef';
import { promotionStoreServiceRef } from './promotionStoreServiceRef';
import { verificationServiceRef } from './verificationServiceRef';
import type { Promotions } from './Promotions';

/**
 * Promotions: the database store, the Git writers, the engine and the service people call.
 *
 * @public
 */
export const promotionsServiceRef = createServiceRef<Promotions>({
  id: 'environments.promotions',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        environments: environmentsServiceRef,
        repositories: gitopsRepositoriesServiceRef,
        config: coreServices.rootConfig,
        environmentsConfig: environmentsConfigServiceRef,
        store: promotionStoreServiceRef,
        authorization: authorizationServiceRef,
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        logger: coreServices.logger,
        notifications: notificationService,
        verifier: verificationServiceRef,
      },
      async factory(deps) {
        const config = deps.environmentsConfig;
        const store = deps.store;
        // Writes share the readers' connections: one GitHub client per host, one clone per
        // remote; a promotion's own write shows at once, not after the next head check.
        const writers = new DefaultOverlayWriterResolver({
          connections: deps.repositories.connections,
          onWritten: repository => deps.repositories.markWritten(repository),
        });
        const notifier = new PromotionNotifier({
          notifications: deps.notifications,
          logger: deps.logger,
          linkFor: promotionDetailLink,
        });
        const shared = {
          environments: deps.environments,
          config,
          store,
          writers,
          authorization: deps.authorization,
          auditor: deps.auditor,
          notifier,
          verifier: deps.verifier,
          logger: deps.logger,
          serviceCredentials: () => deps.auth.getOwnServiceCredentials(),
          instanceId: randomUUID(),
          now: () => new Date(),
          agentRefresher: AgentRefresher.create({
            clusters: readClusterDefinitions(deps.config, deps.logger),
          }),
        };
        const engine = new PromotionEngine(shared);
        return {
          service: new PromotionService(shared, engine),
          engine,
          store,
          readiness: new ChainReadiness(shared),
        };
      },
    }),
});
