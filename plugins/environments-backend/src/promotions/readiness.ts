import type {
  EnvironmentDefinition,
  EnvironmentState,
  Promotion,
  PromotionReadiness,
} from '@stageline/plugin-environments-common';
import { candidateVersion } from './gates/candidateVersion';
import { evaluateGates } from './gates/evaluateGates';
import type { EnvironmentPolicy } from './types';

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
  });
  return {
    source: source.name,
    target: target.name,
    version,
    gates,
    ready: gates.every(g => g.passed || !g.blocksRequest),
    approvalsRequired: policy.gates.approvals,
    protected: target.protected,
    mode: policy.execution.mode,
    inFlight,
  };
}
