import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { environmentsReadPermission } from '@stageline/plugin-environments-common';
import type {
  ApprovalRequest,
  Promotion,
  PromotionDetail,
  PromotionEventsPage,
  PromotionRequest,
  PromotionsResponse,
  ServiceHistoryPage,
} from '@stageline/plugin-environments-common';
import type { Request } from 'express';
import { RefusalAudit, type Refusal } from '../audit/RefusalAudit';
import { actorOf } from '../authorization/actorOf';
import type { WriteAction } from '../authorization/ServiceAccess';
import { auditSeverity } from './auditSeverity';
import { decidePromotion } from './decidePromotion';
import type { PromotionEngine } from './engine/PromotionEngine';
import type { PromotionDeps } from './PromotionDeps';
import { PromotionPresenter } from './PromotionPresenter';
import { requestPromotion } from './requestPromotion';
import { requireCanceller } from './requireCanceller';
import { toPromotionEventsPage } from './toPromotionEventsPage';
import { toServiceHistoryPage } from './toServiceHistoryPage';
import { verificationDetail } from './verificationDetail';
import { withAuditorEvent } from './withAuditorEvent';

/**
 * What people do with promotions: request, approve or reject, cancel, read. Every permission is
 * checked before any Git, GitHub or cluster call; every attempt and decision is audited.
 */
export class PromotionService {
  readonly #deps: PromotionDeps;
  readonly #engine: PromotionEngine;
  readonly #refusals: RefusalAudit;
  readonly #presenter: PromotionPresenter;

  constructor(deps: PromotionDeps, engine: PromotionEngine) {
    this.#deps = deps;
    this.#engine = engine;
    this.#refusals = new RefusalAudit({
      ...deps,
      permissions: deps.authorization.permissions,
    });
    this.#presenter = new PromotionPresenter(deps);
  }

  /**
   * Refused attempts of callers without any environments permission on the entity since this
   * instance started: logged and counted, but kept out of the audit trail.
   */
  get outsiderRefusals(): number {
    return this.#refusals.outsiderRefusals;
  }

  async list(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<PromotionsResponse> {
    const entityRef = stringifyEntityRef(ref);
    await this.#require(
      environmentsReadPermission,
      entityRef,
      options.credentials,
    );
    // 404 for an entity the catalog does not know (or the caller may not see).
    const ctx = await this.#deps.environments.readContext(ref, options);
    return {
      entityRef,
      promotions: await this.#presenter.all(
        await this.#deps.store.listByEntity(entityRef, { limit: 100 }),
        { chain: ctx.chain },
      ),
    };
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
    const entityRef = stringifyEntityRef(ref);
    await this.#require(
      environmentsReadPermission,
      entityRef,
      options.credentials,
    );
    await this.#deps.environments.readContext(ref, options);
    return toServiceHistoryPage(
      entityRef,
      await this.#deps.store.listEntityAuditPage({ entityRef, ...query }),
    );
  }

  async get(
    id: string,
    options: { credentials: BackstageCredentials },
  ): Promise<PromotionDetail> {
    const promotion = await this.#find(id);
    await this.#require(
      environmentsReadPermission,
      promotion.entityRef,
      options.credentials,
    );
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
    const promotion = await this.#find(id);
    await this.#require(
      environmentsReadPermission,
      promotion.entityRef,
      options.credentials,
    );
    return toPromotionEventsPage(
      await this.#deps.store.listAuditPage({ promotionId: id, ...query }),
    );
  }

  /** Returns the new promotion, or the earlier one with the same idempotency key. */
  async request(
    ref: CompoundEntityRef,
    body: PromotionRequest,
    options: { credentials: BackstageCredentials; request?: Request },
  ): Promise<{ promotion: Promotion; created: boolean }> {
    const entityRef = stringifyEntityRef(ref);
    const { actor } = actorOf(options.credentials);
    const { promotion, created, chain } = await withAuditorEvent(
      this.#deps.auditor,
      {
        eventId: body.rollback ? 'rollback-request' : 'promotion-request',
        severityLevel: auditSeverity(this.#deps.config, body.target),
        request: options.request,
        meta: {
          entityRef,
          target: body.target,
          version: body.version ?? null,
          actor,
        },
      },
      () =>
        this.#attempt(
          options,
          body.rollback ? 'request-rollback' : 'request-promotion',
          {
            entityRef,
            environment: body.target,
            actor,
            action: body.rollback ? 'rollback.request' : 'promotion.request',
          },
          () =>
            requestPromotion(
              this.#deps,
              this.#engine,
              entityRef,
              ref,
              body,
              options,
            ),
        ),
      result => ({ promotionId: result.promotion.id, created: result.created }),
    );
    // After the auditor event and the refusal audit: describing it is no part of the request.
    return {
      promotion: await this.#presenter.one(
        promotion,
        chain ? { chain } : options,
      ),
      created,
    };
  }

  async decide(
    id: string,
    body: ApprovalRequest,
    options: { credentials: BackstageCredentials; request?: Request },
  ): Promise<Promotion> {
    const promotion = await this.#find(id);
    const { actor, user } = actorOf(options.credentials);
    const decided = await withAuditorEvent(
      this.#deps.auditor,
      {
        eventId: 'promotion-decision',
        severityLevel: auditSeverity(this.#deps.config, promotion.target),
        request: options.request,
        meta: {
          promotionId: id,
          entityRef: promotion.entityRef,
          decision: body.decision,
          actor,
        },
      },
      () =>
        this.#attempt(
          options,
          'approve-promotion',
          {
            entityRef: promotion.entityRef,
            promotionId: id,
            environment: promotion.target,
            actor,
            action: `promotion.${body.decision}`,
          },
          () =>
            decidePromotion(
              this.#deps,
              this.#engine,
              promotion,
              body,
              options.credentials,
              user,
            ),
        ),
    );
    return this.#presenter.one(decided, options);
  }

  async cancel(
    id: string,
    options: { credentials: BackstageCredentials; request?: Request },
  ): Promise<Promotion> {
    const promotion = await this.#find(id);
    const { actor } = actorOf(options.credentials);
    return withAuditorEvent(
      this.#deps.auditor,
      {
        eventId: 'promotion-cancel',
        request: options.request,
        meta: { promotionId: id, entityRef: promotion.entityRef, actor },
      },
      () =>
        this.#attempt(
          options,
          'cancel-promotion',
          {
            entityRef: promotion.entityRef,
            promotionId: id,
            environment: promotion.target,
            actor,
            action: 'promotion.cancel',
          },
          () => this.#cancel(promotion, options.credentials, actor),
        ),
    );
  }

  /** The requester, or someone who may promote into the target, cancels; who did is kept. */
  async #cancel(
    promotion: Promotion,
    credentials: BackstageCredentials,
    actor: string,
  ): Promise<Promotion> {
    await requireCanceller(this.#deps, promotion, credentials);
    const cancelled = await this.#engine.finish(
      promotion,
      ['requested', 'awaiting-approval'],
      'cancelled',
      {
        stateReason: `Cancelled by ${actor}`,
        actor,
        patch: { cancelledBy: actor },
      },
    );
    if (cancelled.state !== 'cancelled') {
      throw new ConflictError(
        `Promotion ${promotion.id} is ${cancelled.state}: only a promotion not yet written can be cancelled`,
      );
    }
    return cancelled;
  }

  async #find(id: string): Promise<Promotion> {
    const promotion = await this.#deps.store.get(id);
    if (!promotion) throw new NotFoundError(`No promotion '${id}'`);
    return promotion;
  }

  /**
   * One write attempt: service access first (users pass, a service only for what
   * `environments.serviceAccess` grants it), outside the refusal audit so a refused service is in
   * the auditor, never in the trail it could fill; then `run`, whose refusals are recorded.
   */
  async #attempt<T>(
    options: { credentials: BackstageCredentials; request?: Request },
    action: WriteAction,
    refusal: Refusal,
    run: () => Promise<T>,
  ): Promise<T> {
    await this.#deps.authorization.requireWriter(options.credentials, {
      action,
      resourceRef: refusal.entityRef,
      request: options.request,
    });
    try {
      return await run();
    } catch (error) {
      await this.#refusals.record(refusal, error, options.credentials);
      throw error;
    }
  }

  async #require(
    permission: typeof environmentsReadPermission,
    resourceRef: string,
    credentials: BackstageCredentials,
  ) {
    await this.#deps.authorization.require(
      permission,
      resourceRef,
      credentials,
    );
  }
}
