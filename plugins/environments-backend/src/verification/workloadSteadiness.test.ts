import type { EnvironmentState } from '@stageline/plugin-environments-common';
import { liveState } from '../kubernetes/__testUtils__/liveState';
import { workloadSteadiness } from './workloadSteadiness';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const version = {
  name: 'registry.example.com/shop/checkout',
  tag: 'v1',
  digest: DIGEST,
};
const now = new Date('2026-11-20T12:00:00Z');

function staging(live = liveState()): EnvironmentState {
  return {
    name: 'staging',
    namespace: 'staging',
    overlay: 'staging',
    protected: false,
    live,
    inFlight: [],
    sync: { status: 'in-sync', reason: 'runs what Git declares' },
    errors: [],
  };
}

const steady = (environment: EnvironmentState, restartsAtStart = 0) =>
  workloadSteadiness({ environment, version, restartsAtStart, now });

describe('workloadSteadiness', () => {
  it('passes while every replica is ready without new restarts', () => {
    expect(steady(staging())).toEqual({
      check: 'workloads',
      passed: true,
      reason: '2 of 2 replicas ready, no new restarts',
      at: now.toISOString(),
    });
  });

  it('fails on restarts since the start, a crash loop, or replicas not ready', () => {
    expect(steady(staging(liveState({ restarts: 3 })), 1).reason).toBe(
      'Containers restarted 2 times since verification started',
    );
    expect(steady(staging(liveState({ restarts: 3 })), 3).passed).toBe(true);
    expect(
      steady(
        staging(
          liveState({
            health: 'degraded',
            reasons: ['Pod checkout-1: CrashLoopBackOff: back-off 5m'],
          }),
        ),
      ).reason,
    ).toBe('Crash loop: Pod checkout-1: CrashLoopBackOff: back-off 5m');
    expect(
      steady(
        staging(
          liveState({
            replicas: { desired: 3, updated: 3, ready: 1, available: 1 },
            reasons: ['readiness probe failing'],
          }),
        ),
      ).reason,
    ).toBe('1 of 3 replicas ready: readiness probe failing');
  });

  it('fails when the environment runs another version or nothing', () => {
    expect(
      steady(staging(liveState({ digests: [`sha256:${'b'.repeat(64)}`] })))
        .passed,
    ).toBe(false);
    expect(steady({ ...staging(), live: undefined }).reason).toBe(
      'staging: no workload of the service runs there (runs what Git declares)',
    );
  });
});
