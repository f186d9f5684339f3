import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import type {
  AwaitingAcknowledgementsResponse,
  AwaitingApprovalsResponse,
  DeliveryMetrics,
  FleetQuery,
  FleetResponse,
} from '@stageline/plugin-environments-common';
import { EnvironmentsBackend } from './EnvironmentsBackend';
import type { FleetApi, MetricsQuery } from './FleetApi';

/**
 * Talks to `/api/environments/fleet`, `/fleet/breakglass`, `/approvals/mine` and `/metrics`
 * through the app's discovery and fetch APIs.
 *
 * @public
 */
export class FleetClient implements FleetApi {
  readonly #backend: EnvironmentsBackend;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#backend = new EnvironmentsBackend(options);
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
    return (
      await this.#backend.fetch(`/fleet${search ? `?${search}` : ''}`)
    ).json();
  }

  async getAwaitingApprovals(): Promise<AwaitingApprovalsResponse> {
    return (await this.#backend.fetch('/approvals/mine')).json();
  }

  async getAwaitingAcknowledgements(): Promise<AwaitingAcknowledgementsResponse> {
    return (await this.#backend.fetch('/fleet/breakglass')).json();
  }

  async getMetrics(query: MetricsQuery): Promise<DeliveryMetrics> {
    return (
      await this.#backend.fetch(`/metrics?${metricsParams(query)}`)
    ).json();
  }

  async getMetricsCsv(query: MetricsQuery): Promise<string> {
    const params = metricsParams(query);
    params.set('format', 'csv');
    return (await this.#backend.fetch(`/metrics?${params}`)).text();
  }
}

function metricsParams(query: MetricsQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value) params.set(key, value);
  }
  return params;
}
