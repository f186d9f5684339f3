import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  environmentsPromotePermission,
  environmentsPromoteProtectedPermission,
  environmentsRollbackPermission,
  formatImageReference,
  type ImageReference,
  type Promotion,
  type PromotionRequest,
} from '@stageline/plugin-environments-common';
import { actorOf } from '../authorization/actorOf';
import { findChain, findEnvironment } from '../config/findEnvironment';
import type { PromotionRunner } from './types';
import { planPromotion } from './planPromotion';
import { planRollback } from './planRollback';
import type { PromotionDeps } from './PromotionDeps';
import { requestAction, requireBreakGlass } from './requireBreakGlass';
import { describeSchedule } from './schedule/describeSchedule';
import { requestedSchedule } from './schedule/requestedSchedule';

/**
 * A promotion or rollback request once service access passed: the permissions (promote, then
 * rollback and protected as they apply), the catalog, ownership of the target overlay folder,
 * then the plan; the promotion and its first audit row are stored in one transaction. A
 * scheduled one holds its target from now on; the engine starts it when its time comes.
 */
export async function requestPromotion(
  deps: PromotionDeps,
  engine: Pick<PromotionRunner, 'advanceSoon'>,
  entityRef: string,
  ref: CompoundEntityRef,
  body: PromotionRequest,
  options: { credentials: BackstageCredentials },
): Promise<{ promotion: Promotion; created: boolean; chain?: string }> {
  const { credentials } = options;
  const { actor } = actorOf(credentials);
  await deps.authorization.require(
    environmentsPromotePermission,
    entityRef,
    credentials,
  );
  // A repeated request (double click, retry) gets the promotion it created, whatever changed since.
  const repeated = await deps.store.findByIdempotencyKey({
    entityRef,
    idempotencyKey: body.idempotencyKey,
  });
  if (repeated) return { promotion: repeated, created: false };
  // Bad input changes nothing: checked before the catalog, Git or the cluster is read.
  const schedule = requestedSchedule(body, deps.now());
  if (body.rollback) {
    await deps.authorization.require(
      environmentsRollbackPermission,
      entityRef,
      credentials,
    );
  }
  if (body.breakGlass)
    await requireBreakGlass(deps, entityRef, body, credentials);
  // The chain comes from the catalog only, so the protected check precedes Git and cluster reads.
  const ctx = await deps.environments.readContext(ref, {
    credentials,
  });
  const definition = findChain(deps.config, ctx).find(
    env => env.definition.name === body.target,
  )?.definition;
  if (!definition) {
    throw new NotFoundError(
      `Environment '${body.target}' is not part of the '${ctx.chain}' chain of ${entityRef}`,
    );
  }
  if (definition.protected) {
    await deps.authorization.require(
      environmentsPromoteProtectedPermission,
      entityRef,
      credentials,
    );
  }
  // Refused (403, with the reason) unless this entity owns the overlays it would write.
  const targetFolder = await deps.environments.overlayFolder(ctx, definition);
  const policy = findEnvironment(deps.config, ctx.chain, body.target);
  const plan: {
    source?: string;
    version: ImageReference;
    sourceCommitAt?: string;
  } = body.rollback
    ? await planRollback(deps, entityRef, body, credentials)
    : await planPromotion(deps, { ref, body, credentials, actor });
  // Approvals never hold a rollback back: it undoes a change, often during an incident.
  // Break-glass bypasses them too; an approver acknowledges it after the fact instead.
  const approvalsRequired =
    body.rollback || body.breakGlass ? 0 : policy.gates.approvals;
  // A scheduled promotion waits in `requested` (or for its approvals) until the engine starts it.
  let state: 'awaiting-approval' | 'requested' | 'executing' = 'executing';
  if (approvalsRequired > 0) state = 'awaiting-approval';
  else if (schedule) state = 'requested';
  // The first audit row is written in the same transaction as the promotion.
  const { promotion, created } = await deps.store.create(
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
      approvalsRequired,
      idempotencyKey: body.idempotencyKey,
      state,
      sourceCommitAt: plan.sourceCommitAt,
      ...(body.breakGlass && {
        breakGlass: { incident: body.breakGlass.incident },
      }),
      ...(schedule && { schedule }),
    },
    {
      at: deps.now().toISOString(),
      actor,
      action: requestAction(body),
      result: 'succeeded',
      message: `${
        body.breakGlass ? `Break-glass (${body.breakGlass.incident}): ` : ''
      }${formatImageReference(plan.version)} to ${body.target}: ${state}${
        schedule ? `, ${describeSchedule(schedule)}` : ''
      }`,
    },
  );
  if (!created) return { promotion, created, chain: ctx.chain };
  if (promotion.breakGlass) {
    await deps.notifier.breakGlassUsed(promotion, policy.approvers ?? []);
  }
  if (promotion.state === 'awaiting-approval') {
    await deps.notifier.approvalNeeded(promotion, policy.approvers ?? []);
  } else {
    engine.advanceSoon(promotion.id);
  }
  return { promotion, created, chain: ctx.chain };
}
