import type {
  EnvironmentState,
  GitOpsAgentStatus,
} from '@stageline/plugin-environments-common';
import { shortVersion } from '@stageline/plugin-environments-common';

const NOT_RUNNING_DECLARED = new Set([
  'drifted',
  'missing',
  'waiting-for-sync',
]);

/**
 * The environment's sync verdict, told by its GitOps agent where the agent knows better: it
 * failed to sync (its message), it has not applied Git's revision yet (waiting for sync), or
 * it reports a difference the workloads' images do not show (drift). Without an agent, as is.
 */
export function agentSync(
  sync: EnvironmentState['sync'],
  agent: GitOpsAgentStatus | undefined,
  desired: EnvironmentState['desired'],
): EnvironmentState['sync'] {
  if (!agent || sync.status === 'unknown') return sync;
  const who = agentName(agent);
  if (agent.sync === 'sync-failed' && sync.status !== 'in-sync') {
    return {
      status: 'sync-failed',
      reason: `${who} failed to sync: ${agent.lastSyncError ?? 'no message'}`,
      ...(agent.operation?.finishedAt && { since: agent.operation.finishedAt }),
    };
  }
  const revisionApplied =
    !!desired?.revision &&
    !!agent.appliedRevision &&
    sameRevision(desired.revision, agent.appliedRevision);
  const declared = desired?.image
    ? shortVersion(desired.image)
    : 'its revision';
  if (NOT_RUNNING_DECLARED.has(sync.status) && !revisionApplied) {
    if (agent.sync === 'out-of-sync' || agent.sync === 'syncing') {
      return {
        status: 'waiting-for-sync',
        reason: `Git declares ${declared}; ${who} ${
          agent.sync === 'syncing' ? 'is applying it' : 'has not applied it yet'
        }`,
        ...(desired?.changedAt && { since: desired.changedAt }),
      };
    }
  }
  if (
    sync.status === 'in-sync' &&
    agent.sync === 'out-of-sync' &&
    revisionApplied
  ) {
    return {
      status: 'drifted',
      reason: `${who} reports the cluster differs from Git (out of sync) though it runs ${declared}`,
    };
  }
  return sync;
}

/** `Argo CD Application argocd/checkout-qa` or `Flux Kustomization flux-system/qa`. */
export function agentName(agent: GitOpsAgentStatus): string {
  const kind =
    agent.kind === 'argo-cd' ? 'Argo CD Application' : 'Flux Kustomization';
  return `${kind} ${agent.namespace}/${agent.name}`;
}

/** Two commit SHAs, either possibly abbreviated. */
export function sameRevision(a: string, b: string): boolean {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x.length >= 7 && y.length >= 7 && (x.startsWith(y) || y.startsWith(x));
}
