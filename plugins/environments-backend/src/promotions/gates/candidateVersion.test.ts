import {
  DIGEST,
  environmentState,
  IMAGE,
  SHA,
} from './__testUtils__/environmentState';
import { candidateVersion } from './candidateVersion';

const OTHER_DIGEST = `sha256:${'b'.repeat(64)}`;

describe('candidateVersion', () => {
  it('is what the source declares and runs, with the digest its pods report', () => {
    expect(candidateVersion(environmentState('qa'))).toEqual({
      version: { name: IMAGE, tag: SHA, digest: DIGEST },
      reason: 'qa declares and runs abc1234@sha256:aaaaaaaaaaaa',
    });
  });

  it('accepts a pinned digest the cluster runs without its tag', () => {
    const qa = environmentState('qa', {
      desired: {
        path: 'k',
        image: { name: IMAGE, tag: SHA, digest: DIGEST },
      },
      live: { image: { name: IMAGE, digest: DIGEST } },
    });
    expect(candidateVersion(qa).version).toEqual({
      name: IMAGE,
      tag: SHA,
      digest: DIGEST,
    });
  });

  it.each([
    [
      'the cluster could not be read',
      environmentState('qa', {
        live: null,
        errors: [{ source: 'cluster', message: 'connect ECONNREFUSED' }],
      }),
      'qa digest unknown: the cluster could not be read (see qa)',
    ],
    [
      'no workload runs',
      environmentState('qa', { live: null }),
      'qa digest unknown: no workload of the service runs in namespace qa',
    ],
    [
      'Git could not be read',
      environmentState('qa', {
        desired: undefined,
        errors: [{ source: 'git', message: 'rate limited' }],
      }),
      'qa: the declared version could not be read from Git (rate limited)',
    ],
    [
      'the overlay declares no image',
      environmentState('qa', { desired: { path: 'k' } }),
      'qa declares no image in its overlay',
    ],
    [
      'another tag runs',
      environmentState('qa', {
        live: {
          image: {
            name: IMAGE,
            tag: '9f8e7d6c5b4a39f8e7d6c5b4a39f8e7d6c5b4a3f',
          },
        },
      }),
      'qa declares abc1234 but runs 9f8e7d6',
    ],
    [
      'another image runs',
      environmentState('qa', { live: { image: { name: 'nginx', tag: SHA } } }),
      `qa declares ${IMAGE} but runs nginx`,
    ],
    [
      'the running image is unknown',
      environmentState('qa', { live: { image: undefined } }),
      'qa: the running image is unknown',
    ],
    [
      'two digests run while rolling out',
      environmentState('qa', {
        live: { digests: [DIGEST, OTHER_DIGEST], rollout: 'progressing' },
      }),
      'qa runs 2 digests while rolling out',
    ],
    [
      'two digests run of one tag after the rollout',
      environmentState('qa', { live: { digests: [DIGEST, OTHER_DIGEST] } }),
      'qa runs 2 digests of abc1234 although nothing is rolling out: the tag was moved in the registry',
    ],
    [
      'no pod reports a digest',
      environmentState('qa', { live: { digests: [] } }),
      'qa digest unknown: no pod reports an image digest',
    ],
    [
      'the pods run another digest than the one pinned',
      environmentState('qa', {
        desired: {
          path: 'k',
          image: { name: IMAGE, tag: SHA, digest: OTHER_DIGEST },
        },
      }),
      'qa declares digest bbbbbbbbbbbb but its pods run aaaaaaaaaaaa',
    ],
  ])('is none with a reason when %s', (_, source, reason) => {
    expect(candidateVersion(source)).toEqual({ reason });
  });
});
