import {
  type EnvironmentState,
  type GateResult,
  type ImageReference,
  shortVersion,
} from '@stageline/plugin-environments-common';
import { candidateVersion } from './candidateVersion';
import { gateResult } from './gateResult';

function sameImage(a: ImageReference, b: ImageReference): boolean {
  return a.name === b.name && a.tag === b.tag && a.digest === b.digest;
}

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
  if (candidate && !sameImage(candidate, found.version)) {
    return gateResult('digest-verified', {
      passed: false,
      reason: `the promotion is for ${shortVersion(candidate)} but ${
        source.name
      } now runs ${shortVersion(found.version)}`,
    });
  }
  return gateResult('digest-verified', { passed: true, reason: found.reason });
}
