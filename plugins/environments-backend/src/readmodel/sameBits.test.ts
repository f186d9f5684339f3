import { liveState } from '../kubernetes/__testUtils__/liveState';
import { sameBits } from './sameBits';

const DIGEST_B = `sha256:${'b'.repeat(64)}`;

describe('sameBits', () => {
  it('compares the single digest each side runs', () => {
    expect(sameBits(liveState(), liveState())).toBe(true);
    expect(sameBits(liveState(), liveState({ digests: [DIGEST_B] }))).toBe(
      false,
    );
  });

  it('says nothing mid-rollout or when a side does not run', () => {
    expect(
      sameBits(
        liveState(),
        liveState({ digests: [`sha256:${'a'.repeat(64)}`, DIGEST_B] }),
      ),
    ).toBeUndefined();
    expect(sameBits(undefined, liveState())).toBeUndefined();
    expect(
      sameBits(liveState({ digests: [], image: { name: 'x' } }), liveState()),
    ).toBeUndefined();
  });
});
