import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  AwaitingApprovalsResponse,
  DeliveryMetrics,
  FleetQuery,
  FleetResponse,
} from '@stageline/plugin-environments-common';
import type { FleetApi, MetricsQuery } from './FleetApi';

/**
 * Talks to `/api/environments/fleet`, `/approvals/mine` and `/metrics` through the app's
 * discovery and fetch APIs.
 *
 * @public
 */
export class FleetClient implements FleetApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  async getFleet(query: FleetQuery): Promise<FleetResponse> {
    const params = new URLSearchParams();
    for (const key of ['owner', 'system', 'lifecycle', 'state'] as const) {
      for (const value of query[key] ?? []) params.append(key, value);
    }
    if (query.mine) params.set('mine', 'true');
    if (query.search) params.set('search', query.search);
    if (query.scope) params.set('scope', query.scope);
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    if (query.cursor) params.set('cursor', query.cursor);
    const search = params.toString();
    return (await this.#get(`/fleet${search ? `?${search}` : ''}`)).json();
  }

  async getAwaitingApprovals(): Promise<AwaitingApprovalsResponse> {
    return (await this.#get('/approvals/mine')).json();
  }

  async getMetrics(query: MetricsQuery): Promise<DeliveryMetrics> {
    return (await this.#get(`/metrics?${metricsParams(query)}`)).json();
  }

  async getMetricsCsv(query: MetricsQuery): Promise<string> {
    const params = metricsParams(query);
    params.set('format', 'csv');
    return (await this.#get(`/metrics?${params}`)).text();
  }

  async #get(path: string): Promise<Response> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('environments');
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}

function metricsParams(query: MetricsQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value) params.set(key, value);
  }
  return params;
}
