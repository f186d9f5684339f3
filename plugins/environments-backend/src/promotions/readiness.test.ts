import {
  DIGEST,
  environmentState,
  IMAGE,
  NOW,
} from './gates/__testUtils__/environmentState';
import { readiness } from './readiness';
import type { EnvironmentPolicy } from '../config/Environment';

const policy: EnvironmentPolicy = {
  gates: {
    healthyForMs: 0,
    soakTimeMs: 0,
    approvals: 0,
    freezeWindows: [],
    verifiedInSource: false,
    freezeBlocksRollback: false,
  },
  execution: { mode: 'commit', autoMerge: false, rolloutTimeoutMs: 60_000 },
};
const staging = (tag: string, digest?: string) =>
  environmentState('staging', {
    desired: {
      path: 'k8s/overlays/staging/kustomization.yaml',
      image: { name: IMAGE, tag, ...(digest && { digest }) },
    },
  });

describe('readiness', () => {
  it('is ready when the target declares another version', () => {
    const result = readiness({
      now: NOW,
      source: environmentState('qa'),
      target: staging('older'),
      policy,
    });
    expect(result.ready).toBe(true);
    expect(result.notReadyReason).toBeUndefined();
  });

  it('is not ready, saying why, when the target already declares the candidate', () => {
    const result = readiness({
      now: NOW,
      source: environmentState('qa'),
      target: staging('abc1234def5678abc1234def5678abc1234def56', DIGEST),
      policy,
    });
    expect(result.gates.every(g => g.passed)).toBe(true);
    expect(result.ready).toBe(false);
    expect(result.notReadyReason).toMatch(
      /^staging already declares .*: nothing to promote$/,
    );
  });
});
