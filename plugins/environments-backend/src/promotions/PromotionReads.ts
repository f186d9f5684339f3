import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { environmentsReadPermission } from '@stageline/plugin-environments-common';
import type {
  Promotion,
  PromotionDetail,
  PromotionEventsPage,
  PromotionsResponse,
  ServiceHistoryPage,
} from '@stageline/plugin-environments-common';
import { toPromotionEventsPage, toServiceHistoryPage } from './auditPages';
import type { PromotionDeps } from './PromotionDeps';
import type { PromotionPresenter } from './PromotionPresenter';
import { verificationDetail } from './verificationDetail';

/**
 * What people read about promotions: an entity's promotions and history, one promotion with its
 * events. The read permission on the entity is checked first; nothing here writes.
 */
export class PromotionReads {
  readonly #deps: PromotionDeps;
  readonly #presenter: PromotionPresenter;

  constructor(deps: PromotionDeps, presenter: PromotionPresenter) {
    this.#deps = deps;
    this.#presenter = presenter;
  }

  async list(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<PromotionsResponse> {
    return this.#listReadable(ref, options, entityRef =>
      this.#deps.store.listByEntity(entityRef, { limit: 100 }),
    );
  }

  /**
   * One page of the entity's history: its promotions' events, refused attempts, and preview
   * keeps, extends and deletes (by people or the reaper). `type` keeps only one of the two.
   */
  async history(
    ref: CompoundEntityRef,
    query: { type?: 'preview' | 'promotion'; before?: string; limit?: number },
    options: { credentials: BackstageCredentials },
  ): Promise<ServiceHistoryPage> {
    const { entityRef } = await this.#readableEntity(ref, options);
    return toServiceHistoryPage(
      entityRef,
      await this.#deps.store.listEntityAuditPage({ entityRef, ...query }),
    );
  }

  async get(
    id: string,
    options: { credentials: BackstageCredentials },
  ): Promise<PromotionDetail> {
    const promotion = await this.findReadable(id, options.credentials);
    const page = await this.#deps.store.listAuditPage({ promotionId: id });
    return {
      ...(await this.#presenter.one(promotion, options)),
      ...toPromotionEventsPage(page),
      ...(await verificationDetail(this.#deps, id)),
    };
  }

  /** Older pages of a promotion's audit events: `before` is a page's `olderEventsCursor`. */
  async events(
    id: string,
    query: { before?: string; limit?: number },
    options: { credentials: BackstageCredentials },
  ): Promise<PromotionEventsPage> {
    await this.findReadable(id, options.credentials);
    return toPromotionEventsPage(
      await this.#deps.store.listAuditPage({ promotionId: id, ...query }),
    );
  }

  /** The entity's break-glass promotions that no approver acknowledged yet, newest first. */
  async unacknowledgedBreakGlass(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<PromotionsResponse> {
    return this.#listReadable(ref, options, entityRef =>
      this.#deps.store.listUnacknowledgedBreakGlass(entityRef),
    );
  }

  /** The promotion, or 404. */
  async find(id: string): Promise<Promotion> {
    const promotion = await this.#deps.store.get(id);
    if (!promotion) throw new NotFoundError(`No promotion '${id}'`);
    return promotion;
  }

  /** The promotion, once the caller may read its entity. */
  async findReadable(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<Promotion> {
    const promotion = await this.find(id);
    await this.#deps.authorization.require(
      environmentsReadPermission,
      promotion.entityRef,
      credentials,
    );
    return promotion;
  }

  /**
   * The entity's ref and environments, once the caller may read it: 404 for an entity the
   * catalog does not know (or the caller may not see).
   */
  async #readableEntity(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ) {
    const entityRef = stringifyEntityRef(ref);
    await this.#deps.authorization.require(
      environmentsReadPermission,
      entityRef,
      options.credentials,
    );
    const ctx = await this.#deps.environments.readContext(ref, options);
    return { entityRef, ctx };
  }

  /** Some of a readable entity's promotions, described against its chain. */
  async #listReadable(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
    load: (entityRef: string) => Promise<Promotion[]>,
  ): Promise<PromotionsResponse> {
    const { entityRef, ctx } = await this.#readableEntity(ref, options);
    return {
      entityRef,
      promotions: await this.#presenter.all(await load(entityRef), {
        chain: ctx.chain,
      }),
    };
  }
}
