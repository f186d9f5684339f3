import { liveState } from '../kubernetes/__testUtils__/liveState';
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
      reason:
        'The cluster runs v1, which Git does not declare (Git declares v2): it was changed outside Git',
    });
  });

  it('is waiting for sync when Git changed after the cluster’s version started', () => {
    const sync = computeSync({
      desired: { ...desired('v2'), changedAt: '2026-11-20T12:00:00.000Z' },
      live: liveState({ since: '2026-11-20T10:00:00.000Z' }),
      liveKnown: true,
      namespace: 'qa',
    });
    expect(sync).toEqual({
      status: 'waiting-for-sync',
      since: '2026-11-20T12:00:00.000Z',
      reason:
        'Git declares v2; the cluster still runs v1 until the GitOps agent applies it',
    });
  });

  it('is drifted when the cluster changed after Git did', () => {
    const sync = computeSync({
      desired: { ...desired('v2'), changedAt: '2026-11-20T12:00:00.000Z' },
      live: liveState({ since: '2026-11-20T13:00:00.000Z' }),
      liveKnown: true,
      namespace: 'qa',
    });
    expect(sync.status).toBe('drifted');
  });

  it('trusts the pods’ digests over the spec’s pinned digest', () => {
    const sync = computeSync({
      desired: desired('v1', DIGEST_B),
      live: liveState({
        image: { name: NAME, tag: 'v1', digest: DIGEST_B },
        digests: [DIGEST_A],
      }),
      liveKnown: true,
      namespace: 'qa',
    });
    expect(sync.status).toBe('drifted');
  });

  it('says the tag moved when pods run two digests of it outside a rollout', () => {
    const sync = computeSync({
      desired: desired('v1'),
      live: liveState({ digests: [DIGEST_A, DIGEST_B] }),
      liveKnown: true,
      namespace: 'qa',
    });
    expect(sync).toEqual({
      status: 'tag-moved',
      reason:
        'Pods run 2 digests of v1 although nothing is rolling out: the tag was moved in the registry; pin a digest in the overlay',
    });
  });

  it('is degraded when the declared version runs unhealthy', () => {
    const sync = computeSync({
      desired: desired('v1'),
      live: liveState({ health: 'degraded', reasons: ['1 pod crash-looping'] }),
      liveKnown: true,
      namespace: 'qa',
    });
    expect(sync).toEqual({
      status: 'degraded',
      reason: 'Runs v1 as Git declares, but unhealthy: 1 pod crash-looping',
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

  it('is degraded when the rollout failed', () => {
    const sync = computeSync({
      desired: desired('v1'),
      live: liveState({ rollout: 'failed', reasons: ['CrashLoopBackOff'] }),
      liveKnown: true,
      namespace: 'qa',
    });
    expect(sync).toEqual({
      status: 'degraded',
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
