import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
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
import { EnvironmentsBackend } from './EnvironmentsBackend';

/**
 * Talks to `/api/environments` through the app's discovery and fetch APIs.
 *
 * @public
 */
export class EnvironmentsClient implements EnvironmentsApi {
  readonly #backend: EnvironmentsBackend;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#backend = new EnvironmentsBackend(options);
  }

  async getEnvironments(
    entity: CompoundEntityRef,
  ): Promise<EnvironmentsResponse> {
    return this.#backend.request(`${entityPath(entity)}/environments`);
  }

  async getPreviews(entity: CompoundEntityRef): Promise<PreviewsResponse> {
    return this.#backend.request(`${entityPath(entity)}/previews`);
  }

  async getPromotions(entity: CompoundEntityRef): Promise<PromotionsResponse> {
    return this.#backend.request(`${entityPath(entity)}/promotions`);
  }

  async getDiff(
    entity: CompoundEntityRef,
    range: { from: string; to: string },
  ): Promise<VersionDiffResponse> {
    const query = new URLSearchParams(range);
    return this.#backend.request(`${entityPath(entity)}/diff?${query}`);
  }

  async requestPromotion(
    entity: CompoundEntityRef,
    request: PromotionRequest,
  ): Promise<Promotion> {
    return this.#backend.request(
      `${entityPath(entity)}/promotions`,
      'POST',
      request,
    );
  }

  async getPromotion(id: string): Promise<PromotionDetail> {
    return this.#backend.request(promotionPath(id));
  }

  async getPromotionEvents(
    id: string,
    page: { before?: string; limit?: number } = {},
  ): Promise<PromotionEventsPage> {
    const query = new URLSearchParams();
    if (page.before !== undefined) query.set('before', page.before);
    if (page.limit !== undefined) query.set('limit', String(page.limit));
    const search = query.toString();
    return this.#backend.request(
      `${promotionPath(id)}/events${search ? `?${search}` : ''}`,
    );
  }

  async decideApproval(
    id: string,
    request: ApprovalRequest,
  ): Promise<Promotion> {
    return this.#backend.request(
      `${promotionPath(id)}/approvals`,
      'POST',
      request,
    );
  }

  async cancelPromotion(id: string): Promise<Promotion> {
    return this.#backend.request(`${promotionPath(id)}/cancel`, 'POST', {});
  }

  async acknowledgeBreakGlass(id: string): Promise<Promotion> {
    return this.#backend.request(
      `${promotionPath(id)}/acknowledge`,
      'POST',
      {},
    );
  }

  async getUnacknowledgedBreakGlass(
    entity: CompoundEntityRef,
  ): Promise<PromotionsResponse> {
    return this.#backend.request(`${entityPath(entity)}/breakglass`);
  }

  async keepPreview(
    entity: CompoundEntityRef,
    namespace: string,
    keep: boolean,
  ): Promise<PreviewEnvironment> {
    const path = `${previewPath(entity, namespace)}/keep`;
    return this.#backend.request(path, 'POST', { keep });
  }

  async extendPreview(
    entity: CompoundEntityRef,
    namespace: string,
    by: string,
  ): Promise<PreviewEnvironment> {
    const path = `${previewPath(entity, namespace)}/extend`;
    return this.#backend.request(path, 'POST', { by });
  }

  async deletePreview(
    entity: CompoundEntityRef,
    namespace: string,
  ): Promise<void> {
    await this.#backend.request(previewPath(entity, namespace), 'DELETE');
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
