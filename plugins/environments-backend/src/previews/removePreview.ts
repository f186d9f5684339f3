import type { NamespaceDeleteOutcome } from '../kubernetes/types';
import { errorMessage } from '../errors/errorMessage';
import type { EntityContext } from '../catalog/EntityContext';
import { auditPreview } from './auditPreview';
import type { PreviewDeps } from './PreviewDeps';
import type { PreviewCandidate } from './types';

/**
 * What became of a preview delete: the deleter's `outcome`, or the `error` it threw.
 */
export type RemoveResult = {
  action: 'deleted' | 'refused' | 'failed';
  reason: string;
  outcome?: NamespaceDeleteOutcome;
  error?: unknown;
};

/**
 * Deletes a preview namespace with its UID as precondition, forgets its override, and audits
 * the result (`preview.delete`) whatever it is.
 */
export async function removePreview(
  deps: PreviewDeps,
  input: {
    ctx: EntityContext;
    candidate: PreviewCandidate;
    actor: string;
    why: string;
  },
): Promise<RemoveResult> {
  const { cluster, namespace } = input.candidate;
  const where = `namespace '${namespace.name}' on cluster '${cluster}'`;
  let result: RemoveResult;
  try {
    const outcome = await deps.deleter.deleteNamespace({
      cluster,
      name: namespace.name,
      uid: namespace.uid!,
    });
    result = { ...describe(outcome, where, input.why), outcome };
  } catch (error) {
    result = {
      action: 'failed',
      reason: `could not delete ${where}: ${errorMessage(error)}`,
      error,
    };
  }
  if (result.action === 'deleted') {
    await forgetOverride(deps, cluster, namespace.name);
  }
  await auditPreview(deps, {
    actor: input.actor,
    action: 'preview.delete',
    result: result.action === 'deleted' ? 'succeeded' : result.action,
    message: result.reason,
    entityRef: input.ctx.entityRef,
    environment: namespace.name,
  });
  deps.logger.info('Preview delete finished', {
    entityRef: input.ctx.entityRef,
    namespace: namespace.name,
    cluster,
    actor: input.actor,
    outcome: result.action,
    reason: result.reason,
  });
  return result;
}

function describe(
  outcome: NamespaceDeleteOutcome,
  where: string,
  why: string,
): RemoveResult {
  switch (outcome) {
    case 'deleted':
      return { action: 'deleted', reason: `deleted ${where}: ${why}` };
    case 'gone':
      return { action: 'deleted', reason: `${where} was already gone: ${why}` };
    case 'recreated':
      return {
        action: 'refused',
        reason: `left ${where} alone: it was recreated (its UID changed) since it was inspected`,
      };
    default:
      return {
        action: 'refused',
        reason: `left ${where} alone: it is already being deleted`,
      };
  }
}

async function forgetOverride(
  deps: PreviewDeps,
  cluster: string,
  namespace: string,
): Promise<void> {
  try {
    await deps.overrides.deletePreviewOverride(cluster, namespace);
  } catch (error) {
    // A stale override can only keep a later namespace of that name longer, never delete it sooner.
    deps.logger.warn('Could not forget the override of a deleted preview', {
      namespace,
      cluster,
      error: errorMessage(error),
    });
  }
}
