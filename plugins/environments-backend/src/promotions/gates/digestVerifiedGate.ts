import {
  type EnvironmentState,
  type GateResult,
  type ImageReference,
  sameImageReference,
  shortVersion,
} from '@stageline/plugin-environments-common';
import { candidateVersion } from './candidateVersion';
import { gateResult } from './gateResult';

/**
 * Passes when the source declares and runs one known digest and, for an existing promotion,
 * that it is still the version the promotion is for.
 */
export function digestVerifiedGate(input: {
  source: EnvironmentState;
  candidate?: ImageReference;
}): GateResult {
  const { source, candidate } = input;
  const found = candidateVersion(source);
  if (!found.version) {
    return gateResult('digest-verified', {
      passed: false,
      reason: found.reason,
    });
  }
  if (candidate && !sameImageReference(candidate, found.version)) {
    return gateResult('digest-verified', {
      passed: false,
      reason: `the promotion is for ${shortVersion(candidate)} but ${
        source.name
      } now runs ${shortVersion(found.version)}`,
    });
  }
  return gateResult('digest-verified', { passed: true, reason: found.reason });
}
