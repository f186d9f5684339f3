import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { EnvironmentsResponse } from '@stageline/plugin-environments-common';

/**
 * Client for the Stageline environments backend.
 *
 * @public
 */
export interface EnvironmentsApi {
  getEnvironments(entity: CompoundEntityRef): Promise<EnvironmentsResponse>;
}

/**
 * API reference for {@link EnvironmentsApi}; serves both frontend systems.
 *
 * @public
 */
export const environmentsApiRef = createApiRef<EnvironmentsApi>({
  id: 'plugin.environments.client',
});
