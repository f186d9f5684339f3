import type { PreviewOverride } from './types';
import type { EntityContext } from '../catalog/EntityContext';
import { auditPreview } from './auditPreview';
import { outcomeSubject } from './sharedOutcomes';
import type { PreviewDeps } from './PreviewDeps';
import { REAPER_ACTOR } from './REAPER_ACTOR';
import { readPullRequest } from './readPullRequest';
import { reapVerdict } from './reapVerdict';
import { removePreview } from './removePreview';
import type {
  PreviewCandidate,
  PreviewLifecycleConfig,
  PullRequestResolver,
  ReapOutcome,
} from './types';

/**
 * Decides on one preview of one service and acts: delete (UID precondition), or in dry-run mode
 * only log and audit what would be deleted. `takeDeletion` says whether this run may still delete.
 */
export async function reapPreview(
  deps: PreviewDeps & { getPullRequest: PullRequestResolver },
  input: {
    ctx: EntityContext;
    candidate: PreviewCandidate;
    override: PreviewOverride | undefined;
    config: PreviewLifecycleConfig;
    takeDeletion: () => boolean;
  },
): Promise<ReapOutcome> {
  const { ctx, candidate, config } = input;
  const where = outcomeSubject(ctx, candidate);
  const pr = input.override?.keep
    ? {}
    : await readPullRequest(deps.getPullRequest, ctx, candidate.number);
  const verdict = reapVerdict(
    { candidate, override: input.override, ...pr },
    config.ttlMs,
    deps.clock.now(),
  );
  if (!verdict.remove) {
    return { ...where, action: verdict.action, reason: verdict.reason };
  }
  if (!input.takeDeletion()) {
    const reason = `due (${verdict.reason}) but this run reached its deletion limit`;
    return { ...where, action: 'skipped', reason };
  }
  if (config.reaper.dryRun) {
    const reason = `dry run: would delete namespace '${where.namespace}' on cluster '${where.cluster}': ${verdict.reason}`;
    deps.logger.info('Preview reaper dry run: would delete a preview', {
      entityRef: ctx.entityRef,
      namespace: where.namespace,
      cluster: where.cluster,
      reason: verdict.reason,
    });
    await auditPreview(deps, {
      actor: REAPER_ACTOR,
      action: 'preview.delete',
      result: 'refused',
      message: reason,
      entityRef: ctx.entityRef,
      environment: where.namespace,
    });
    return { ...where, action: 'would-delete', reason };
  }
  const result = await removePreview(deps, {
    ctx,
    candidate,
    actor: REAPER_ACTOR,
    why: verdict.reason,
  });
  return { ...where, action: result.action, reason: result.reason };
}
