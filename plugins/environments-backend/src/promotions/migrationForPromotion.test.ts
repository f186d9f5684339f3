import type {
  EnvironmentState,
  MigrationState,
} from '@stageline/plugin-environments-common';
import {
  migrationForPromotion,
  migrationReason,
} from './migrationForPromotion';

const IMAGE = 'registry.example.com/shop/checkout';
const DIGEST = `sha256:${'a'.repeat(64)}`;
const OTHER_DIGEST = `sha256:${'b'.repeat(64)}`;

function target(migration: MigrationState): EnvironmentState {
  return {
    name: 'staging',
    namespace: 'staging',
    overlay: 'staging',
    protected: false,
    inFlight: [],
    sync: { status: 'in-sync', reason: 'runs what Git declares' },
    errors: [],
    live: {
      cluster: 'local',
      namespace: 'staging',
      workloads: [],
      digests: [],
      replicas: { desired: 1, updated: 1, ready: 1, available: 1 },
      rollout: 'complete',
      restarts: 0,
      health: 'healthy',
      reasons: [],
      migration,
    },
  };
}

const promotion = {
  version: { name: IMAGE, tag: 'v3', digest: DIGEST },
  createdAt: '2026-12-01T10:00:00Z',
};

describe('migrationForPromotion', () => {
  it('matches the promoted version by digest, else by tag', () => {
    const byDigest = target({
      job: 'm',
      phase: 'running',
      image: { name: IMAGE, tag: 'v2', digest: DIGEST },
    });
    expect(migrationForPromotion(promotion, byDigest)?.job).toBe('m');
    const otherDigest = target({
      job: 'm',
      phase: 'running',
      image: { name: IMAGE, tag: 'v3', digest: OTHER_DIGEST },
    });
    expect(migrationForPromotion(promotion, otherDigest)).toBeUndefined();
    const byTag = target({
      job: 'm',
      phase: 'running',
      image: { name: IMAGE, tag: 'v3' },
    });
    expect(migrationForPromotion(promotion, byTag)?.job).toBe('m');
    const olderTag = target({
      job: 'm',
      phase: 'failed',
      image: { name: IMAGE, tag: 'v2' },
    });
    expect(migrationForPromotion(promotion, olderTag)).toBeUndefined();
  });

  it('takes a Job of another image only when it started after the request', () => {
    const tool = (startedAt?: string) =>
      target({
        job: 'flyway',
        phase: 'running',
        image: { name: 'registry.example.com/tools/flyway', tag: '10' },
        ...(startedAt && { startedAt }),
      });
    expect(
      migrationForPromotion(promotion, tool('2026-12-01T10:05:00Z'))?.job,
    ).toBe('flyway');
    expect(
      migrationForPromotion(promotion, tool('2026-12-01T09:00:00Z')),
    ).toBeUndefined();
    expect(migrationForPromotion(promotion, tool())).toBeUndefined();
  });

  it('says what the rollout waits for, and why it failed', () => {
    expect(migrationReason({ job: 'm', phase: 'pending' })).toBe(
      'Migrations Job m is pending: the rollout counts once it succeeded',
    );
    expect(
      migrationReason({ job: 'm', phase: 'failed', message: 'exit 1' }),
    ).toBe('Migrations Job m failed: exit 1');
  });
});
