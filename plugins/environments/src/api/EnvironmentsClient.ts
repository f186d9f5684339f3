import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  ApprovalRequest,
  EnvironmentsResponse,
  PreviewEnvironment,
  PreviewsResponse,
  Promotion,
  PromotionDetail,
  PromotionEventsPage,
  PromotionRequest,
  PromotionsResponse,
  VersionDiffResponse,
} from '@stageline/plugin-environments-common';
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
    return this.#request(`${entityPath(entity)}/environments`);
  }

  async getPreviews(entity: CompoundEntityRef): Promise<PreviewsResponse> {
    return this.#request(`${entityPath(entity)}/previews`);
  }

  async getPromotions(entity: CompoundEntityRef): Promise<PromotionsResponse> {
    return this.#request(`${entityPath(entity)}/promotions`);
  }

  async getDiff(
    entity: CompoundEntityRef,
    range: { from: string; to: string },
  ): Promise<VersionDiffResponse> {
    const query = new URLSearchParams(range);
    return this.#request(`${entityPath(entity)}/diff?${query}`);
  }

  async requestPromotion(
    entity: CompoundEntityRef,
    request: PromotionRequest,
  ): Promise<Promotion> {
    return this.#request(`${entityPath(entity)}/promotions`, 'POST', request);
  }

  async getPromotion(id: string): Promise<PromotionDetail> {
    return this.#request(promotionPath(id));
  }

  async getPromotionEvents(
    id: string,
    page: { before?: string; limit?: number } = {},
  ): Promise<PromotionEventsPage> {
    const query = new URLSearchParams();
    if (page.before !== undefined) query.set('before', page.before);
    if (page.limit !== undefined) query.set('limit', String(page.limit));
    const search = query.toString();
    return this.#request(
      `${promotionPath(id)}/events${search ? `?${search}` : ''}`,
    );
  }

  async decideApproval(
    id: string,
    request: ApprovalRequest,
  ): Promise<Promotion> {
    return this.#request(`${promotionPath(id)}/approvals`, 'POST', request);
  }

  async cancelPromotion(id: string): Promise<Promotion> {
    return this.#request(`${promotionPath(id)}/cancel`, 'POST', {});
  }

  async acknowledgeBreakGlass(id: string): Promise<Promotion> {
    return this.#request(`${promotionPath(id)}/acknowledge`, 'POST', {});
  }

  async getUnacknowledgedBreakGlass(
    entity: CompoundEntityRef,
  ): Promise<PromotionsResponse> {
    return this.#request(`${entityPath(entity)}/breakglass`);
  }

  async keepPreview(
    entity: CompoundEntityRef,
    namespace: string,
    keep: boolean,
  ): Promise<PreviewEnvironment> {
    const path = `${previewPath(entity, namespace)}/keep`;
    return this.#request(path, 'POST', { keep });
  }

  async extendPreview(
    entity: CompoundEntityRef,
    namespace: string,
    by: string,
  ): Promise<PreviewEnvironment> {
    const path = `${previewPath(entity, namespace)}/extend`;
    return this.#request(path, 'POST', { by });
  }

  async deletePreview(
    entity: CompoundEntityRef,
    namespace: string,
  ): Promise<void> {
    await this.#request(previewPath(entity, namespace), 'DELETE');
  }

  async #request<T>(
    path: string,
    method: 'GET' | 'POST' | 'DELETE' = 'GET',
    body?: unknown,
  ): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('environments');
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : {
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          }),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    // 204 No Content (delete) has no body to parse.
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
}

function entityPath(entity: CompoundEntityRef): string {
  const parts = [entity.kind, entity.namespace, entity.name].map(p =>
    encodeURIComponent(p),
  );
  return `/entities/${parts.join('/')}`;
}

function promotionPath(id: string): string {
  return `/promotions/${encodeURIComponent(id)}`;
}

function previewPath(entity: CompoundEntityRef, namespace: string): string {
  return `${entityPath(entity)}/previews/${encodeURIComponent(namespace)}`;
}
