import {
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { EnvironmentView } from '../promotions/EnvironmentView';
import { environmentsServiceRef } from './environmentsServiceRef';
import { promotionsServiceRef } from './promotionsServiceRef';

/** The environments response clients see (state plus readiness), for the router and actions. */
export const environmentViewServiceRef = createServiceRef<EnvironmentView>({
  id: 'environments.view',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        readModel: environmentsServiceRef,
        promotions: promotionsServiceRef,
      },
      factory: ({ readModel, promotions }) =>
        new EnvironmentView({ readModel, readiness: promotions.readiness }),
    }),
});
