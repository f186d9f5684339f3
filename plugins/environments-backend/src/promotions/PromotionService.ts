import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
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
import { actorOf } from '../authorization/actorOf';
import { acknowledgeBreakGlass } from './acknowledgeBreakGlass';
import {
  attemptOnPromotion,
  type PromotionAttempt,
} from './attemptOnPromotion';
import { auditSeverity } from './auditSeverity';
import { cancelPromotion } from './cancelPromotion';
import { decidePromotion } from './decidePromotion';
import type { PromotionRunner } from './types';
import type { PromotionDeps } from './PromotionDeps';
import { PromotionPresenter } from './PromotionPresenter';
import { PromotionReads } from './PromotionReads';
import { requestPromotion } from './requestPromotion';
import { requestAction, requestEventId } from './requireBreakGlass';
import { withAuditorEvent } from './withAuditorEvent';
import { WriteAttempts } from './WriteAttempts';

/**
 * What people do with promotions: request, approve or reject, cancel, read. Every permission is
 * checked before any Git, GitHub or cluster call; every attempt and decision is audited.
 */
export class PromotionService {
  readonly #deps: PromotionDeps;
  readonly #engine: PromotionRunner;
  readonly #attempts: WriteAttempts;
  readonly #presenter: PromotionPresenter;
  readonly #reads: PromotionReads;

  constructor(deps: PromotionDeps, engine: PromotionRunner) {
    this.#deps = deps;
    this.#engine = engine;
    this.#attempts = new WriteAttempts(deps);
    this.#presenter = new PromotionPresenter(deps);
    this.#reads = new PromotionReads(deps, this.#presenter);
  }

  /**
   * Refused attempts of callers without any environments permission on the entity since this
   * instance started: logged and counted, but kept out of the audit trail.
   */
  get outsiderRefusals(): number {
    return this.#attempts.outsiderRefusals;
  }

  async list(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<PromotionsResponse> {
    return this.#reads.list(ref, options);
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
    return this.#reads.history(ref, query, options);
  }

  async get(
    id: string,
    options: { credentials: BackstageCredentials },
  ): Promise<PromotionDetail> {
    return this.#reads.get(id, options);
  }

  /** Older pages of a promotion's audit events: `before` is a page's `olderEventsCursor`. */
  async events(
    id: string,
    query: { before?: string; limit?: number },
    options: { credentials: BackstageCredentials },
  ): Promise<PromotionEventsPage> {
    return this.#reads.events(id, query, options);
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
        eventId: requestEventId(body),
        // Break-glass is always high: it bypassed the gates people rely on.
        severityLevel: body.breakGlass
          ? 'high'
          : auditSeverity(this.#deps.config, body.target),
        request: options.request,
        meta: {
          entityRef,
          target: body.target,
          version: body.version ?? null,
          actor,
          ...(body.breakGlass && {
            breakGlassIncident: body.breakGlass.incident,
          }),
          ...(body.schedule && {
            scheduleNotBefore: body.schedule.notBefore ?? null,
            scheduleWhenFreezeEnds: body.schedule.whenFreezeEnds === true,
          }),
        },
      },
      () =>
        this.#attempts.run(
          options,
          body.rollback ? 'request-rollback' : 'request-promotion',
          {
            entityRef,
            environment: body.target,
            actor,
            action: requestAction(body),
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
    const promotion = await this.#reads.find(id);
    const { user } = actorOf(options.credentials);
    const decided = await this.#attemptOn(
      promotion,
      options,
      {
        eventId: 'promotion-decision',
        severityLevel: auditSeverity(this.#deps.config, promotion.target),
        meta: { decision: body.decision },
        writeAction: 'approve-promotion',
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
    );
    return this.#presenter.one(decided, options);
  }

  async cancel(
    id: string,
    options: { credentials: BackstageCredentials; request?: Request },
  ): Promise<Promotion> {
    const promotion = await this.#reads.find(id);
    const { actor } = actorOf(options.credentials);
    return this.#attemptOn(
      promotion,
      options,
      {
        eventId: 'promotion-cancel',
        writeAction: 'cancel-promotion',
        action: 'promotion.cancel',
      },
      () =>
        cancelPromotion(
          this.#deps,
          this.#engine,
          promotion,
          options.credentials,
          actor,
        ),
    );
  }

  /** An approver's after-the-fact acknowledgement of a break-glass promotion. */
  async acknowledge(
    id: string,
    options: { credentials: BackstageCredentials; request?: Request },
  ): Promise<Promotion> {
    const promotion = await this.#reads.find(id);
    const { user } = actorOf(options.credentials);
    const acknowledged = await this.#attemptOn(
      promotion,
      options,
      {
        eventId: 'breakglass-acknowledge',
        severityLevel: 'high',
        // Like an approval, a person's decision: services are refused it.
        writeAction: 'approve-promotion',
        action: 'promotion.break-glass-acknowledge',
      },
      () =>
        acknowledgeBreakGlass(this.#deps, promotion, options.credentials, user),
    );
    return this.#presenter.one(acknowledged, options);
  }

  /** The entity's break-glass promotions that no approver acknowledged yet, newest first. */
  async unacknowledgedBreakGlass(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<PromotionsResponse> {
    return this.#reads.unacknowledgedBreakGlass(ref, options);
  }

  #attemptOn<T>(
    promotion: Promotion,
    options: { credentials: BackstageCredentials; request?: Request },
    attempt: PromotionAttempt,
    run: () => Promise<T>,
  ): Promise<T> {
    return attemptOnPromotion(
      this.#deps,
      this.#attempts,
      promotion,
      options,
      attempt,
      run,
    );
  }
}
