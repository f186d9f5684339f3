import {
  type GateResult,
  type ImageReference,
  sameVersion,
  shortVersion,
} from '@stageline/plugin-environments-common';
import { gateResult } from './gateResult';

/**
 * Passes when the candidate passed verification in the source environment: a promotion of it
 * into the source succeeded after its checks ran for their whole duration. Fails closed when the
 * verified versions are not known.
 */
export function verifiedInSourceGate(input: {
  source: string;
  candidate?: ImageReference;
  /** Versions that passed verification in the source; undefined when not looked up. */
  verifiedVersions?: ImageReference[];
}): GateResult {
  const { source, candidate, verifiedVersions } = input;
  if (!candidate) {
    return gateResult('verified-in-source', {
      passed: false,
      reason: `${source} has no version to promote, so none is verified there`,
    });
  }
  if (!verifiedVersions) {
    return gateResult('verified-in-source', {
      passed: false,
      reason: `Whether ${shortVersion(
        candidate,
      )} passed verification in ${source} is not known`,
    });
  }
  const passed = verifiedVersions.some(v => sameVersion(v, candidate));
  return gateResult('verified-in-source', {
    passed,
    reason: passed
      ? `${shortVersion(candidate)} passed verification in ${source}`
      : `${shortVersion(
          candidate,
        )} has not passed verification in ${source} (required)`,
  });
}
