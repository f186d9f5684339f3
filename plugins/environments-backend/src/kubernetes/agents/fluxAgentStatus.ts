import type {
  GitOpsAgentStatus,
  GitOpsAgentSync,
} from '@stageline/plugin-environments-common';
import type { FluxKustomizationObject } from '../agentObjectTypes';
import { gitRevisionOf } from './gitRevisionOf';

// Ready=False reasons that mean "it tried and failed", not "it is still working".
const PROGRESSING = new Set(['Progressing', 'ProgressingWithRetry']);

/** A Flux Kustomization's status in Stageline's words. */
export function fluxAgentStatus(
  ks: FluxKustomizationObject,
  cluster: string,
): GitOpsAgentStatus {
  const { ready, lastAppliedRevision, lastAttemptedRevision } = ks.status;
  const applied = gitRevisionOf(lastAppliedRevision);
  const attempted = gitRevisionOf(lastAttemptedRevision);
  let sync: GitOpsAgentSync = 'unknown';
  let lastSyncError: string | undefined;
  if (ready?.status === 'Unknown' || PROGRESSING.has(ready?.reason ?? '')) {
    sync = 'syncing';
  } else if (ready?.status === 'False') {
    sync = 'sync-failed';
    lastSyncError = ready.message ?? ready.reason;
  } else if (ready?.status === 'True') {
    sync = attempted && attempted !== applied ? 'out-of-sync' : 'synced';
  }
  let health = 'Unknown';
  if (ready?.status === 'True') health = 'Ready';
  else if (ready?.status === 'False') health = 'NotReady';
  const { name, namespace = '' } = ks.metadata;
  return {
    kind: 'flux',
    name,
    namespace,
    cluster,
    sync,
    ...(applied && { appliedRevision: applied }),
    ...(applied &&
      sync === 'synced' &&
      ready?.lastTransitionTime && { appliedAt: ready.lastTransitionTime }),
    health,
    ...(ready?.reason && {
      operation: {
        phase: ready.reason,
        ...(ready.message && { message: ready.message }),
        ...(ready.lastTransitionTime && {
          finishedAt: ready.lastTransitionTime,
        }),
      },
    }),
    ...(lastSyncError && { lastSyncError }),
  };
}
