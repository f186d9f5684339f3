import type {
  Promotion,
  PromotionWait,
} from '@stageline/plugin-environments-common';
import { shortVersion } from '@stageline/plugin-environments-common';
import { approvalsGate } from './gates/approvalsGate';
import { freezeWindowGate } from './gates/freezeWindowGate';
import { isFinalState } from './lifecycle/isFinalState';
import { MIGRATIONS_REASON_PREFIX } from './migrationForPromotion';
import type { PromotionClaim } from './types';
import type { FreezeWindow } from '../config/Environment';

/** What is known besides the promotion: all of it local, no cluster, Git or GitHub call. */
export type WaitFacts = {
  now: Date;
  /** This backend instance: a claim it holds is a step in progress here, not a wait. */
  instanceId: string;
  /** The execution lease on the promotion, if any. */
  claim?: PromotionClaim;
  /** The target's freeze windows; undefined when its chain is not known. */
  freezeWindows?: FreezeWindow[];
};

// States in which nothing moves until the engine takes its next step.
const ENGINE_STEPS = new Set<Promotion['state']>(['requested', 'executing']);

/**
 * What a promotion in flight waits for now; undefined once it is final. A lease held by another
 * instance comes first: until it expires no other instance may take the engine's next step.
 */
export function waitingFor(
  promotion: Promotion,
  facts: WaitFacts,
): PromotionWait | undefined {
  if (isFinalState(promotion.state)) return undefined;
  const claimed = claimHeldElsewhere(promotion, facts);
  if (claimed) return claimed;
  switch (promotion.state) {
    case 'requested':
    case 'awaiting-approval':
      return beforeWrite(promotion, facts);
    case 'executing':
      return write(promotion);
    case 'waiting-for-merge':
      return merge(promotion);
    case 'verifying':
      return {
        kind: 'verification',
        detail:
          promotion.stateReason ??
          `${promotion.target} runs ${shortVersion(
            promotion.version,
          )}: its verification checks are running`,
      };
    default:
      if (promotion.stateReason?.startsWith(MIGRATIONS_REASON_PREFIX)) {
        return { kind: 'migrations', detail: promotion.stateReason };
      }
      return {
        kind: 'rollout',
        detail: `Written to Git: waiting for ${
          promotion.target
        } to run ${shortVersion(
          promotion.version,
        )} healthy (the GitOps agent applies it, then the rollout completes)`,
      };
  }
}

function claimHeldElsewhere(
  promotion: Promotion,
  { claim, instanceId, now }: WaitFacts,
): PromotionWait | undefined {
  if (!ENGINE_STEPS.has(promotion.state) || !claim) return undefined;
  if (claim.owner === instanceId) return undefined;
  // An expired lease is free: any instance takes the next step.
  if (Date.parse(claim.expiresAt) <= now.getTime()) return undefined;
  return {
    kind: 'claim',
    detail: `Backend instance ${claim.owner} holds it until ${claim.expiresAt}: if that instance stopped mid-step, another instance takes it over then`,
    until: claim.expiresAt,
  };
}

/**
 * Before the write: a scheduled time still ahead comes first, then an open freeze window (it
 * blocks the write whatever the approvals), then the approvals.
 */
function beforeWrite(promotion: Promotion, facts: WaitFacts): PromotionWait {
  const approvals = approvalsGate({
    required: promotion.approvalsRequired,
    decisions: promotion.approvals,
    requestedBy: promotion.requestedBy,
  });
  const notBefore = promotion.schedule?.notBefore;
  if (notBefore && Date.parse(notBefore) > facts.now.getTime()) {
    const freezeToo = promotion.schedule?.whenFreezeEnds
      ? ', once no freeze window is open'
      : '';
    return {
      kind: 'schedule',
      detail: `Scheduled: runs not before ${notBefore}${freezeToo}${
        approvals.passed ? '' : `; and ${approvals.reason}`
      }`,
      until: notBefore,
    };
  }
  const freeze = facts.freezeWindows
    ? freezeWindowGate({
        target: promotion.target,
        windows: facts.freezeWindows,
        now: facts.now,
      })
    : undefined;
  if (freeze && !freeze.passed) {
    return {
      kind: 'freeze-end',
      detail: approvals.passed
        ? freeze.reason
        : `${freeze.reason}; and ${approvals.reason}`,
      until: freeze.until,
    };
  }
  if (!approvals.passed) return { kind: 'approvals', detail: approvals.reason };
  return write(promotion);
}

function write(promotion: Promotion): PromotionWait {
  // A passing failure (GitHub down, rate limit) is recorded as the reason it retries.
  const retrying = promotion.stateReason?.startsWith('Will retry');
  return {
    kind: 'write',
    detail: retrying
      ? promotion.stateReason!
      : `Stageline writes ${shortVersion(promotion.version)} into ${
          promotion.target
        }'s overlay at its next step (${promotion.mode})`,
  };
}

function merge(promotion: Promotion): PromotionWait {
  const pr = promotion.links.pullRequest;
  const which = pr ? `Pull request #${pr.number}` : 'The pull request';
  return {
    kind: 'merge',
    detail: promotion.autoMerge
      ? `${which} to be merged: Stageline merges it as soon as GitHub allows`
      : `${which} to be merged by someone allowed to merge it`,
  };
}
