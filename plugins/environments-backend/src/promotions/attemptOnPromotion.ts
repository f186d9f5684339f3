import type {
  AuditorServiceEventSeverityLevel,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import type { Promotion } from '@stageline/plugin-environments-common';
import type { Request } from 'express';
import { actorOf } from '../authorization/actorOf';
import type { WriteAction } from '../authorization/ServiceAccess';
import type { PromotionDeps } from './PromotionDeps';
import { withAuditorEvent } from './withAuditorEvent';
import type { WriteAttempts } from './WriteAttempts';

/** One kind of write on an existing promotion, as the auditor and the refusal audit name it. */
export type PromotionAttempt = {
  eventId: string;
  severityLevel?: AuditorServiceEventSeverityLevel;
  meta?: JsonObject;
  writeAction: WriteAction;
  action: string;
};

/**
 * One write on an existing promotion: an auditor event (the promotion, its entity and the
 * actor, plus `meta`) around a write attempt whose refusals are audited on the promotion.
 */
export function attemptOnPromotion<T>(
  deps: Pick<PromotionDeps, 'auditor'>,
  attempts: WriteAttempts,
  promotion: Promotion,
  options: { credentials: BackstageCredentials; request?: Request },
  attempt: PromotionAttempt,
  run: () => Promise<T>,
): Promise<T> {
  const { actor } = actorOf(options.credentials);
  return withAuditorEvent(
    deps.auditor,
    {
      eventId: attempt.eventId,
      severityLevel: attempt.severityLevel,
      request: options.request,
      meta: {
        promotionId: promotion.id,
        entityRef: promotion.entityRef,
        ...attempt.meta,
        actor,
      },
    },
    () =>
      attempts.run(
        options,
        attempt.writeAction,
        {
          entityRef: promotion.entityRef,
          promotionId: promotion.id,
          environment: promotion.target,
          actor,
          action: attempt.action,
        },
        run,
      ),
  );
}
