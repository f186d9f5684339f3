import type { LiveState } from '@stageline/plugin-environments-common';

const DIGEST_A = `sha256:${'a'.repeat(64)}`;

/** A healthy, fully rolled-out LiveState to tweak in tests. */
export function liveState(overrides: Partial<LiveState> = {}): LiveState {
  return {
    cluster: 'local',
    namespace: 'qa',
    workloads: [],
    image: { name: 'registry.example.com/shop/checkout', tag: 'v1' },
    digests: [DIGEST_A],
    replicas: { desired: 2, updated: 2, ready: 2, available: 2 },
    rollout: 'complete',
    restarts: 0,
    health: 'healthy',
    reasons: [],
    ...overrides,
  };
}
