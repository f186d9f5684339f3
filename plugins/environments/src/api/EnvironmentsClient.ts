import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { EnvironmentsResponse } from '@stageline/plugin-environments-common';
import type { EnvironmentsApi } from './EnvironmentsApi';

/**
 * Talks to `/api/environments` through the app's discovery and fetch APIs.
 *
 * @public
 */
export class EnvironmentsClient implements EnvironmentsApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  async getEnvironments(
    entity: CompoundEntityRef,
  ): Promise<EnvironmentsResponse> {
    return this.#get(`${entityPath(entity)}/environments`);
  }

  async #get<T>(path: string): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('environments');
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function entityPath(entity: CompoundEntityRef): string {
  const parts = [entity.kind, entity.namespace, entity.name].map(p =>
    encodeURIComponent(p),
  );
  return `/entities/${parts.join('/')}`;
}
