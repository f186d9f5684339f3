import { ApiBlueprint, coreApis } from '@backstage/frontend-plugin-api';
import { environmentsApiRef } from '../api/EnvironmentsApi';
import { EnvironmentsClient } from '../api/EnvironmentsClient';

export const environmentsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: environmentsApiRef,
      deps: { discoveryApi: coreApis.discovery, fetchApi: coreApis.fetch },
      factory: deps => new EnvironmentsClient(deps),
    }),
});
