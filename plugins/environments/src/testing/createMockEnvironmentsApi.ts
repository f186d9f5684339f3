import type { CompoundEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type {
  Promotion,
  PromotionDetail,
  PromotionState,
} from '@stageline/plugin-environments-common';
import {
  formatImageReference,
  isBypassedByBreakGlass,
  promotionBranch,
} from '@stageline/plugin-environments-common';
import type { EnvironmentsApi } from '../api/EnvironmentsApi';
import type { Scenario } from './scenarios';

/** The states a mock promotion walks through, one step per read. */
const WALK: PromotionState[] = [
  'requested',
  'executing',
  'waiting-for-merge',
  'rolling-out',
  'succeeded',
];

function nextState(state: PromotionState): PromotionState {
  const index = WALK.indexOf(state);
  return index < 0 || index === WALK.length - 1 ? state : WALK[index + 1];
}

/**
 * An in-memory {@link EnvironmentsApi} for the dev harness and component tests. It serves a
 * scenario per entity and behaves like the backend where the UI can tell: promotions advance
 * one state per read, idempotency keys return the same promotion, approvals and previews update.
 */
export function createMockEnvironmentsApi(
  scenarioFor: (entity: CompoundEntityRef) => Scenario,
): EnvironmentsApi {
  const created = new Map<string, Promotion>();
  const byKey = new Map<string, Promotion>();
  const deleted = new Set<string>();
  // Promotions of the scenario's history, once listed, and the acknowledgements given.
  const listed = new Map<string, Promotion>();
  const acknowledgements = new Map<
    string,
    { acknowledgedBy: string; acknowledgedAt: string }
  >();
  const withAcknowledgement = (p: Promotion): Promotion => {
    const acknowledgement = acknowledgements.get(p.id);
    return p.breakGlass && acknowledgement
      ? { ...p, breakGlass: { ...p.breakGlass, ...acknowledgement } }
      : p;
  };
  const now = () => new Date().toISOString();
  const history = (entity: CompoundEntityRef) => {
    const scenario = scenarioFor(entity);
    for (const p of scenario.promotions) listed.set(p.id, p);
    return {
      entityRef: scenario.environments.entityRef,
      promotions: [...created.values()]
        .reverse()
        .concat(scenario.promotions)
        .map(withAcknowledgement),
    };
  };
  const find = (id: string) => {
    const promotion = created.get(id);
    if (!promotion) throw new NotFoundError(`No promotion ${id}`);
    return promotion;
  };
  const previewOf = (entity: CompoundEntityRef, namespace: string) => {
    const preview = scenarioFor(entity).previews.find(
      p => p.namespace === namespace && !deleted.has(namespace),
    );
    if (!preview) throw new NotFoundError(`No preview ${namespace}`);
    return preview;
  };

  return {
    async getEnvironments(entity) {
      // Promotions the scenario shows in flight can be approved or cancelled like new ones.
      for (const env of scenarioFor(entity).environments.environments) {
        const inFlight = env.promotion?.inFlight;
        if (inFlight && !created.has(inFlight.id))
          created.set(inFlight.id, inFlight);
      }
      return { ...scenarioFor(entity).environments, generatedAt: now() };
    },
    async getPreviews(entity) {
      const { environments, previews } = scenarioFor(entity);
      return {
        entityRef: environments.entityRef,
        previews: previews.filter(p => !deleted.has(p.namespace)),
        errors: [],
      };
    },
    async getPromotions(entity) {
      return history(entity);
    },
    async getDiff(entity) {
      return scenarioFor(entity).diff;
    },
    async requestPromotion(entity, request) {
      const existing =
        request.idempotencyKey && byKey.get(request.idempotencyKey);
      if (existing) return existing;
      const scenario = scenarioFor(entity);
      const target = scenario.environments.environments.find(
        e => e.name === request.target,
      );
      if (!target?.promotion?.version) {
        throw new NotFoundError(
          `No environment ${request.target} to promote into`,
        );
      }
      // Like the backend: break-glass bypasses the timing and approval gates, a request to run
      // when the freeze ends waits out the freeze window.
      const refusing = target.promotion.gates.filter(
        g =>
          !g.passed &&
          g.blocksRequest &&
          !(request.breakGlass && isBypassedByBreakGlass(g.id)) &&
          !(request.schedule?.whenFreezeEnds && g.id === 'freeze-window'),
      );
      if (!request.rollback && refusing.length > 0) {
        throw new ConflictError(refusing[0].reason);
      }
      if (request.breakGlass && !request.reason?.trim()) {
        throw new InputError('a break-glass request needs a reason');
      }
      const approvalsRequired = request.breakGlass
        ? 0
        : target.promotion.approvalsRequired;
      const promotion: Promotion = {
        id: `mock-${created.size + 1}`,
        entityRef: scenario.environments.entityRef,
        kind: request.rollback ? 'rollback' : 'promotion',
        source: request.rollback ? undefined : target.promotion.source,
        target: request.target,
        version: target.promotion.version,
        requestedBy: 'user:development/guest',
        reason: request.reason,
        state: approvalsRequired > 0 ? 'awaiting-approval' : 'requested',
        mode: target.promotion.mode,
        approvalsRequired,
        approvals: [],
        ...(request.breakGlass && {
          breakGlass: { incident: request.breakGlass.incident },
        }),
        ...(request.schedule && {
          schedule: request.schedule,
          waitingFor: {
            kind: 'schedule' as const,
            detail: 'its scheduled time',
            until: request.schedule.notBefore,
          },
        }),
        links: { branch: promotionBranch('checkout', request.target) },
        createdAt: now(),
        updatedAt: now(),
      };
      created.set(promotion.id, promotion);
      if (request.idempotencyKey) byKey.set(request.idempotencyKey, promotion);
      return promotion;
    },
    async getPromotion(id): Promise<PromotionDetail> {
      // One of the scenario's history, once listed: as it is.
      const past = listed.get(id);
      if (past && !created.has(id)) {
        return { ...withAcknowledgement(past), events: [] };
      }
      const promotion = find(id);
      // A scheduled promotion waits for its time.
      const state = promotion.schedule
        ? promotion.state
        : nextState(promotion.state);
      const advanced: Promotion = {
        ...promotion,
        state,
        updatedAt: now(),
        links:
          state === 'waiting-for-merge'
            ? {
                ...promotion.links,
                pullRequest: {
                  number: 77,
                  url: 'https://github.com/acme/gitops/pull/77',
                },
              }
            : promotion.links,
      };
      created.set(id, advanced);
      return { ...withAcknowledgement(advanced), events: [] };
    },
    async getPromotionEvents() {
      return { events: [] };
    },
    async decideApproval(id, request) {
      const promotion = find(id);
      // Like the backend: a decision is for the version the approver was shown.
      const current = formatImageReference(promotion.version);
      if (request.version !== current) {
        throw new ConflictError(
          `Promotion ${id} is now for ${current}, not ${request.version}`,
        );
      }
      const approvals = [
        ...promotion.approvals,
        {
          user: 'user:development/guest',
          decision:
            request.decision === 'approve'
              ? ('approved' as const)
              : ('rejected' as const),
          comment: request.comment,
          at: now(),
          valid: true,
        },
      ];
      const state: PromotionState =
        request.decision === 'reject' ? 'rejected' : promotion.state;
      const updated = { ...promotion, approvals, state, updatedAt: now() };
      created.set(id, updated);
      return updated;
    },
    async cancelPromotion(id) {
      const updated = {
        ...find(id),
        state: 'cancelled' as const,
        updatedAt: now(),
      };
      created.set(id, updated);
      return updated;
    },
    async acknowledgeBreakGlass(id) {
      const promotion = withAcknowledgement(listed.get(id) ?? find(id));
      if (!promotion.breakGlass) {
        throw new ConflictError(`Promotion ${id} is not break-glass`);
      }
      if (promotion.breakGlass.acknowledgedBy) {
        throw new ConflictError(
          `Promotion ${id} was already acknowledged by ${promotion.breakGlass.acknowledgedBy}`,
        );
      }
      acknowledgements.set(id, {
        acknowledgedBy: 'user:development/guest',
        acknowledgedAt: now(),
      });
      return withAcknowledgement(promotion);
    },
    async getUnacknowledgedBreakGlass(entity) {
      const { entityRef, promotions } = history(entity);
      return {
        entityRef,
        promotions: promotions.filter(
          p => p.breakGlass && !p.breakGlass.acknowledgedBy,
        ),
      };
    },
    async keepPreview(entity, namespace, keep) {
      return { ...previewOf(entity, namespace), keep };
    },
    async extendPreview(entity, namespace) {
      return previewOf(entity, namespace);
    },
    async deletePreview(entity, namespace) {
      previewOf(entity, namespace);
      deleted.add(namespace);
    },
  };
}
