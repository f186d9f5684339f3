import {
  shortVersion,
  sameVersion,
} from '@stageline/plugin-environments-common';
import type {
  EnvironmentDefinition,
  EnvironmentState,
  ImageReference,
  Promotion,
  PromotionReadiness,
} from '@stageline/plugin-environments-common';
import { candidateVersion } from './gates/candidateVersion';
import { evaluateGates } from './gates/evaluateGates';
import type { EnvironmentPolicy } from '../config/Environment';

/**
 * What promoting into `target` from `source` would take now, for the environments view: no
 * Git, cluster or GitHub call beyond the state already read.
 */
export function readiness(input: {
  now: Date;
  source: EnvironmentState;
  target: EnvironmentState & EnvironmentDefinition;
  policy: EnvironmentPolicy;
  inFlight?: Promotion;
  /** Versions that passed verification in the source, when the target requires it. */
  verifiedVersions?: ImageReference[];
}): PromotionReadiness {
  const { now, source, target, policy, inFlight } = input;
  const { version } = candidateVersion(source);
  const gates = evaluateGates({
    now,
    source,
    target,
    gates: policy.gates,
    candidate: version,
    approvals: inFlight?.approvals ?? [],
    requestedBy: inFlight?.requestedBy,
    inFlight,
    verifiedVersions: input.verifiedVersions,
  });
  // The request would answer 409 for a version the target already declares: say so up front.
  const alreadyDeclared =
    version &&
    target.desired?.image &&
    sameVersion(target.desired.image, version)
      ? `${target.name} already declares ${shortVersion(
          version,
        )}: nothing to promote`
      : undefined;
  return {
    source: source.name,
    target: target.name,
    version,
    gates,
    ready: !alreadyDeclared && gates.every(g => g.passed || !g.blocksRequest),
    ...(alreadyDeclared && { notReadyReason: alreadyDeclared }),
    approvalsRequired: policy.gates.approvals,
    protected: target.protected,
    mode: policy.execution.mode,
    inFlight,
  };
}
