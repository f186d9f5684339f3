import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  environmentsApprovePermission,
  environmentsPromotePermission,
  environmentsPromoteProtectedPermission,
  environmentsReadPermission,
  environmentsRollbackPermission,
  formatImageReference,
} from '@stageline/plugin-environments-common';
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
import type { WriteAction } from '../authorization/ServiceAccess';
import { actorOf } from '../authorization/actorOf';
import { auditSeverity } from './auditSeverity';
import { checkApproverView } from './checkApproverView';
import { findChain, findEnvironment } from '../config/findEnvironment';
import type { PromotionDeps } from './PromotionDeps';
import type { PromotionEngine } from './PromotionEngine';
import { PromotionPresenter } from './PromotionPresenter';
import type { AuditEntry } from '../audit/types';
import { planPromotion } from './planPromotion';
import { planRollback } from './planRollback';
import { RefusalAudit } from '../audit/RefusalAudit';
import { isProtectedTarget, requireCanceller } from './requireCanceller';
import { toPromotionEventsPage } from './toPromotionEventsPage';
import { toServiceHistoryPage } from './toServiceHistoryPage';
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
      async () => {
        // Outside the try: a refused service is in the auditor, never in the trail it could fill.
        await this.#requireWriter(
          options,
          body.rollback ? 'request-rollback' : 'request-promotion',
          entityRef,
        );
        try {
          return await this.#request(entityRef, ref, body, options);
        } catch (error) {
          await this.#refusals.record(
            {
              entityRef,
              environment: body.target,
              actor,
              action: body.rollback ? 'rollback.request' : 'promotion.request',
            },
            error,
            options.credentials,
          );
          throw error;
        }
      },
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

  async #request(
    entityRef: string,
    ref: CompoundEntityRef,
    body: PromotionRequest,
    options: { credentials: BackstageCredentials },
  ): Promise<{ promotion: Promotion; created: boolean; chain?: string }> {
    const { credentials } = options;
    const { actor } = actorOf(credentials);
    await this.#require(environmentsPromotePermission, entityRef, credentials);
    // A repeated request (double click, retry) gets the promotion it created, whatever changed since.
    const repeated = await this.#deps.store.findByIdempotencyKey({
      entityRef,
      idempotencyKey: body.idempotencyKey,
    });
    if (repeated) return { promotion: repeated, created: false };
    if (body.rollback) {
      await this.#require(
        environmentsRollbackPermission,
        entityRef,
        credentials,
      );
    }
    // The chain comes from the catalog only, so the protected check precedes Git and cluster reads.
    const ctx = await this.#deps.environments.readContext(ref, {
      credentials,
    });
    const definition = findChain(this.#deps.config, ctx).find(
      env => env.definition.name === body.target,
    )?.definition;
    if (!definition) {
      throw new NotFoundError(
        `Environment '${body.target}' is not part of the '${ctx.chain}' chain of ${entityRef}`,
      );
    }
    if (definition.protected) {
      await this.#require(
        environmentsPromoteProtectedPermission,
        entityRef,
        credentials,
      );
    }
    // Refused (403, with the reason) unless this entity owns the overlays it would write.
    const targetFolder = await this.#deps.environments.overlayFolder(
      ctx,
      definition,
    );
    const policy = findEnvironment(this.#deps.config, ctx.chain, body.target);
    const plan = body.rollback
      ? await planRollback(this.#deps, entityRef, body, credentials)
      : await planPromotion(this.#deps, { ref, body, credentials, actor });
    const state =
      policy.gates.approvals > 0 ? 'awaiting-approval' : 'executing';
    // The first audit row is written in the same transaction as the promotion.
    const { promotion, created } = await this.#deps.store.create(
      {
        entityRef,
        kind: body.rollback ? 'rollback' : 'promotion',
        source: plan.source,
        target: body.target,
        targetFolder,
        version: plan.version,
        requestedBy: actor,
        reason: body.reason,
        mode: policy.execution.mode,
        autoMerge: policy.execution.autoMerge,
        approvalsRequired: policy.gates.approvals,
        idempotencyKey: body.idempotencyKey,
        state,
      },
      {
        at: this.#deps.now().toISOString(),
        actor,
        action: body.rollback ? 'rollback.request' : 'promotion.request',
        result: 'succeeded',
        message: `${formatImageReference(plan.version)} to ${
          body.target
        }: ${state}`,
      },
    );
    if (!created) return { promotion, created, chain: ctx.chain };
    if (promotion.state === 'awaiting-approval') {
      await this.#deps.notifier.approvalNeeded(
        promotion,
        policy.approvers ?? [],
      );
    } else {
      this.#engine.advanceSoon(promotion.id);
    }
    return { promotion, created, chain: ctx.chain };
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
      async () => {
        await this.#requireWriter(
          options,
          'approve-promotion',
          promotion.entityRef,
        );
        try {
          return await this.#decide(promotion, body, options.credentials, user);
        } catch (error) {
          await this.#refusals.record(
            {
              entityRef: promotion.entityRef,
              promotionId: id,
              environment: promotion.target,
              actor,
              action: `promotion.${body.decision}`,
            },
            error,
            options.credentials,
          );
          throw error;
        }
      },
    );
    return this.#presenter.one(decided, options);
  }

  async #decide(
    promotion: Promotion,
    body: ApprovalRequest,
    credentials: BackstageCredentials,
    user: string | undefined,
  ): Promise<Promotion> {
    // Approving needs sight of the entity too: nobody approves what they may not read.
    await this.#require(
      environmentsReadPermission,
      promotion.entityRef,
      credentials,
    );
    await this.#require(
      environmentsApprovePermission,
      promotion.entityRef,
      credentials,
    );
    if (await this.#isProtected(promotion, credentials)) {
      await this.#require(
        environmentsPromoteProtectedPermission,
        promotion.entityRef,
        credentials,
      );
    }
    if (!user) {
      throw new NotAllowedError('Approvals must come from a signed-in user');
    }
    if (user === promotion.requestedBy) {
      throw new NotAllowedError(
        'You requested this promotion, so you cannot approve or reject it: approvals must come from someone else',
      );
    }
    if (promotion.state !== 'awaiting-approval') {
      throw new ConflictError(
        `Promotion ${promotion.id} is ${promotion.state}, not awaiting approval`,
      );
    }
    const version = await checkApproverView(
      this.#deps.environments,
      promotion,
      body,
      credentials,
    );
    const decided = await this.#deps.store.addDecision(promotion.id, {
      user,
      decision: body.decision === 'approve' ? 'approved' : 'rejected',
      comment: body.comment,
      at: this.#deps.now().toISOString(),
      version,
    });
    await this.#audit({
      entityRef: promotion.entityRef,
      promotionId: promotion.id,
      environment: promotion.target,
      actor: user,
      action: `promotion.${body.decision}`,
      result: 'succeeded',
      message: body.comment,
    });
    if (body.decision === 'reject') {
      return this.#engine.finish(decided, ['awaiting-approval'], 'rejected', {
        stateReason: `Rejected by ${user}${
          body.comment ? `: ${body.comment}` : ''
        }`,
        actor: user,
      });
    }
    const approvers = new Set(
      decided.approvals
        .filter(
          a =>
            a.valid &&
            a.decision === 'approved' &&
            a.user !== decided.requestedBy,
        )
        .map(a => a.user),
    );
    if (approvers.size < decided.approvalsRequired) return decided;
    const executing = await this.#deps.store.transition(
      decided.id,
      ['awaiting-approval'],
      'executing',
      { stateReason: `Approved by ${[...approvers].join(', ')}` },
    );
    if (!executing) return (await this.#deps.store.get(decided.id))!;
    this.#engine.advanceSoon(executing.id);
    return executing;
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
      async () => {
        await this.#requireWriter(
          options,
          'cancel-promotion',
          promotion.entityRef,
        );
        try {
          return await this.#cancel(promotion, options.credentials, actor);
        } catch (error) {
          await this.#refusals.record(
            {
              entityRef: promotion.entityRef,
              promotionId: id,
              environment: promotion.target,
              actor,
              action: 'promotion.cancel',
            },
            error,
            options.credentials,
          );
          throw error;
        }
      },
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

  async #isProtected(
    promotion: Promotion,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    return isProtectedTarget(this.#deps, promotion, credentials);
  }

  async #find(id: string): Promise<Promotion> {
    const promotion = await this.#deps.store.get(id);
    if (!promotion) throw new NotFoundError(`No promotion '${id}'`);
    return promotion;
  }

  /** Users pass; a service principal only for what `environments.serviceAccess` grants it. */
  async #requireWriter(
    options: { credentials: BackstageCredentials; request?: Request },
    action: WriteAction,
    resourceRef: string,
  ) {
    await this.#deps.authorization.requireWriter(options.credentials, {
      action,
      resourceRef,
      request: options.request,
    });
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

  async #audit(entry: Omit<AuditEntry, 'at'>) {
    await this.#deps.store.appendAudit({
      ...entry,
      at: this.#deps.now().toISOString(),
    });
  }
}
