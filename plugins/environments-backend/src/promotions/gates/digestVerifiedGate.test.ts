import {
  DIGEST,
  environmentState,
  IMAGE,
  SHA,
} from './__testUtils__/environmentState';
import { digestVerifiedGate } from './digestVerifiedGate';

describe('digestVerifiedGate', () => {
  it('passes when the source declares and runs one known digest', () => {
    expect(digestVerifiedGate({ source: environmentState('qa') })).toEqual({
      id: 'digest-verified',
      passed: true,
      reason: 'qa declares and runs abc1234@sha256:aaaaaaaaaaaa',
      blocksRequest: true,
    });
  });

  it('passes when the promotion is for exactly that version', () => {
    const candidate = { name: IMAGE, tag: SHA, digest: DIGEST };
    expect(
      digestVerifiedGate({ source: environmentState('qa'), candidate }).passed,
    ).toBe(true);
  });

  it('fails when the source moved on from the promotion version', () => {
    const candidate = {
      name: IMAGE,
      tag: SHA,
      digest: `sha256:${'c'.repeat(64)}`,
    };
    expect(
      digestVerifiedGate({ source: environmentState('qa'), candidate }),
    ).toMatchObject({
      passed: false,
      reason:
        'the promotion is for abc1234@sha256:cccccccccccc but qa now runs abc1234@sha256:aaaaaaaaaaaa',
    });
  });

  it('fails with the reason there is no candidate', () => {
    const source = environmentState('qa', {
      live: {
        digests: [DIGEST, `sha256:${'b'.repeat(64)}`],
        rollout: 'progressing',
      },
    });
    expect(digestVerifiedGate({ source })).toMatchObject({
      passed: false,
      reason: 'qa runs 2 digests while rolling out',
    });
  });
});
