import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
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

/**
 * Client for the Stageline environments backend.
 *
 * @public
 */
export interface EnvironmentsApi {
  getEnvironments(entity: CompoundEntityRef): Promise<EnvironmentsResponse>;
  getPreviews(entity: CompoundEntityRef): Promise<PreviewsResponse>;
  getPromotions(entity: CompoundEntityRef): Promise<PromotionsResponse>;
  /** Commits and pull requests between two versions (`name:tag@digest` or tags). */
  getDiff(
    entity: CompoundEntityRef,
    range: { from: string; to: string },
  ): Promise<VersionDiffResponse>;
  requestPromotion(
    entity: CompoundEntityRef,
    request: PromotionRequest,
  ): Promise<Promotion>;
  /** A promotion with the newest page of its audit events. */
  getPromotion(id: string): Promise<PromotionDetail>;
  /** Older audit events: `before` is the `olderEventsCursor` of the page shown; `limit` 1 to 200. */
  getPromotionEvents(
    id: string,
    page?: { before?: string; limit?: number },
  ): Promise<PromotionEventsPage>;
  decideApproval(id: string, request: ApprovalRequest): Promise<Promotion>;
  cancelPromotion(id: string): Promise<Promotion>;
  /** An approver's after-the-fact acknowledgement of a break-glass promotion. */
  acknowledgeBreakGlass(id: string): Promise<Promotion>;
  /** The entity's break-glass promotions no approver acknowledged yet, newest first. */
  getUnacknowledgedBreakGlass(
    entity: CompoundEntityRef,
  ): Promise<PromotionsResponse>;
  keepPreview(
    entity: CompoundEntityRef,
    namespace: string,
    keep: boolean,
  ): Promise<PreviewEnvironment>;
  /** Pushes the expiry out by a duration such as `24h`. */
  extendPreview(
    entity: CompoundEntityRef,
    namespace: string,
    by: string,
  ): Promise<PreviewEnvironment>;
  deletePreview(entity: CompoundEntityRef, namespace: string): Promise<void>;
}

/**
 * API reference for {@link EnvironmentsApi}; serves both frontend systems.
 *
 * @public
 */
export const environmentsApiRef = createApiRef<EnvironmentsApi>({
  id: 'plugin.environments.client',
});
