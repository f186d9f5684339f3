import { ApiBlueprint, coreApis } from '@backstage/frontend-plugin-api';
import { environmentsApiRef } from '../api/EnvironmentsApi';
import { EnvironmentsClient } from '../api/EnvironmentsClient';
import { fleetApiRef } from '../api/FleetApi';
import { FleetClient } from '../api/FleetClient';

export const environmentsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: environmentsApiRef,
      deps: { discoveryApi: coreApis.discovery, fetchApi: coreApis.fetch },
      factory: deps => new EnvironmentsClient(deps),
    }),
});

export const fleetApi = ApiBlueprint.make({
  name: 'fleet',
  params: defineParams =>
    defineParams({
      api: fleetApiRef,
      deps: { discoveryApi: coreApis.discovery, fetchApi: coreApis.fetch },
      factory: deps => new FleetClient(deps),
    }),
});
