import type {
  EnvironmentState,
  Promotion,
} from '@stageline/plugin-environments-common';
import {
  sameVersion,
  shortVersion,
} from '@stageline/plugin-environments-common';
import { agentName, sameRevision } from '../../readmodel/agentSync';

/**
 * Where the target's GitOps agent is with a written promotion: `none` (no agent: the rollout
 * alone decides, as without Argo CD or Flux), `waiting` (it has not applied the promotion's
 * commit), `failed` (its sync failed, with its message) or `applied`.
 */
export type AgentProgress =
  | { phase: 'none' }
  | { phase: 'waiting' | 'failed' | 'applied'; reason: string };

const SHORT_SHA = 7;

/** The agent applied the promotion's commit, or a later Git revision that declares its version. */
export function agentProgress(
  target: EnvironmentState,
  promotion: Promotion,
): AgentProgress {
  const agent = target.agent;
  if (!agent) return { phase: 'none' };
  const who = agentName(agent);
  const commit = promotion.links.commit?.sha;
  const applied = agent.appliedRevision;
  const declaresVersion =
    !!target.desired?.image &&
    sameVersion(target.desired.image, promotion.version);
  const appliedCommit =
    !!applied &&
    ((!!commit && sameRevision(applied, commit)) ||
      (declaresVersion &&
        !!target.desired?.revision &&
        sameRevision(applied, target.desired.revision)));
  const version = shortVersion(promotion.version);
  if (appliedCommit) {
    return {
      phase: 'applied',
      reason: `${who} applied ${applied!.slice(0, SHORT_SHA)}${
        agent.appliedAt ? ` at ${agent.appliedAt}` : ''
      }; waiting for ${target.name} to run ${version} healthy`,
    };
  }
  const what = commit ? `commit ${commit.slice(0, SHORT_SHA)}` : version;
  if (agent.sync === 'sync-failed') {
    return {
      phase: 'failed',
      reason: `${who} failed to sync ${what}: ${
        agent.lastSyncError ?? 'no message'
      }`,
    };
  }
  return {
    phase: 'waiting',
    reason: `Waiting for sync: ${who} has not applied ${what} yet`,
  };
}
