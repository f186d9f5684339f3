import { liveState } from '../__testUtils__/liveState';
import { computeSync } from './computeSync';

const NAME = 'registry.example.com/shop/checkout';
const DIGEST_A = `sha256:${'a'.repeat(64)}`;
const DIGEST_B = `sha256:${'b'.repeat(64)}`;
const desired = (tag: string, digest?: string) => ({
  path: 'k8s/overlays/qa/kustomization.yaml',
  image: { name: NAME, tag, digest },
});

describe('computeSync', () => {
  it('is in sync when the cluster runs the declared digest, rolled out', () => {
    expect(
      computeSync({
        desired: desired('v1', DIGEST_A),
        live: liveState(),
        liveKnown: true,
        namespace: 'qa',
      }),
    ).toEqual({
      status: 'in-sync',
      reason: expect.stringContaining('v1@sha256:aaaaaaaaaaaa'),
    });
  });

  it('is rolling out while the declared version is progressing', () => {
    const sync = computeSync({
      desired: desired('v2'),
      live: liveState({
        image: { name: NAME, tag: 'v2' },
        rollout: 'progressing',
        replicas: { desired: 3, updated: 1, ready: 2, available: 2 },
      }),
      liveKnown: true,
      namespace: 'qa',
    });
    expect(sync.status).toBe('rolling-out');
    expect(sync.reason).toContain('1/3 updated');
  });

  it('is drifted when the cluster runs another version than Git declares', () => {
    const sync = computeSync({
      desired: desired('v2'),
      live: liveState(),
      liveKnown: true,
      namespace: 'qa',
    });
    expect(sync).toEqual({
      status: 'drifted',
      reason: 'Git declares v2 but the cluster runs v1',
    });
  });

  it('is drifted when pods run another digest under the same tag', () => {
    const sync = computeSync({
      desired: desired('v1', DIGEST_B),
      live: liveState(),
      liveKnown: true,
      namespace: 'qa',
    });
    expect(sync.status).toBe('drifted');
  });

  it('is drifted when the rollout failed', () => {
    const sync = computeSync({
      desired: desired('v1'),
      live: liveState({ rollout: 'failed', reasons: ['CrashLoopBackOff'] }),
      liveKnown: true,
      namespace: 'qa',
    });
    expect(sync).toEqual({
      status: 'drifted',
      reason: 'The rollout of v1 failed: CrashLoopBackOff',
    });
  });

  it('is missing when no workload runs', () => {
    expect(
      computeSync({ desired: desired('v1'), liveKnown: true, namespace: 'qa' }),
    ).toEqual({
      status: 'missing',
      reason:
        'Git declares v1 but no workload of the service runs in namespace qa',
    });
  });

  it('is unknown when the cluster or Git could not be read', () => {
    expect(
      computeSync({ desired: desired('v1'), liveKnown: false, namespace: 'qa' })
        .status,
    ).toBe('unknown');
    expect(
      computeSync({ live: liveState(), liveKnown: true, namespace: 'qa' })
        .status,
    ).toBe('unknown');
  });
});
