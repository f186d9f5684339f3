import type {
  GitOpsAgentStatus,
  GitOpsAgentSync,
} from '@stageline/plugin-environments-common';
import type { ArgoApplicationObject } from '../agentObjectTypes';
import { gitRevisionOf } from './gitRevisionOf';

const RUNNING = new Set(['Running', 'Terminating']);
const FAILED = new Set(['Failed', 'Error']);
const ERROR_CONDITIONS = new Set(['SyncError', 'ComparisonError']);

/** An Argo CD Application's status in Stageline's words. */
export function argoCdAgentStatus(
  app: ArgoApplicationObject,
  cluster: string,
  uiBaseUrl: string | undefined,
): GitOpsAgentStatus {
  const { sync, health, operationState: op, conditions } = app.status;
  const errorCondition = conditions.find(c => ERROR_CONDITIONS.has(c.type));
  const failed = FAILED.has(op?.phase ?? '');
  const lastSyncError = failed
    ? op?.message ?? `sync ${op?.phase?.toLowerCase()}`
    : errorCondition?.message;
  let status: GitOpsAgentSync = 'unknown';
  if (RUNNING.has(op?.phase ?? '')) status = 'syncing';
  else if (failed || errorCondition) status = 'sync-failed';
  else if (sync?.status === 'Synced') status = 'synced';
  else if (sync?.status === 'OutOfSync') status = 'out-of-sync';
  // The operation's revision is what it applied; without one, a Synced app runs its compared revision.
  const applied =
    op?.phase === 'Succeeded'
      ? gitRevisionOf(op.syncResult?.revision)
      : undefined;
  const appliedRevision =
    applied ??
    (sync?.status === 'Synced' ? gitRevisionOf(sync.revision) : undefined);
  const { name, namespace = '' } = app.metadata;
  return {
    kind: 'argo-cd',
    name,
    namespace,
    cluster,
    sync: status,
    ...(appliedRevision && { appliedRevision }),
    ...(applied && op?.finishedAt && { appliedAt: op.finishedAt }),
    ...(health?.status && { health: health.status }),
    ...(op?.phase && {
      operation: {
        phase: op.phase,
        ...(op.message && { message: op.message }),
        ...(op.finishedAt && { finishedAt: op.finishedAt }),
      },
    }),
    ...(lastSyncError && { lastSyncError }),
    ...(uiBaseUrl && {
      url: `${uiBaseUrl.replace(/\/+$/, '')}/applications/${encodeURIComponent(
        namespace,
      )}/${encodeURIComponent(name)}`,
    }),
  };
}
