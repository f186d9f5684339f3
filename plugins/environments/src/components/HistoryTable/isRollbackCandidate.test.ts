import type {
  EnvironmentState,
  Promotion,
} from '@stageline/plugin-environments-common';
import { isRollbackCandidate } from './isRollbackCandidate';

const digest = (c: string) => `sha256:${c.repeat(64)}`;
const env = (image?: { tag: string; digest?: string }) =>
  ({
    name: 'staging',
    desired: image && { path: 'k', image: { name: 'r/x', ...image } },
  } as EnvironmentState);
const promotion = (
  state: Promotion['state'],
  version: { tag: string; digest?: string },
) =>
  ({
    state,
    target: 'staging',
    version: { name: 'r/x', ...version },
  } as Promotion);

describe('isRollbackCandidate', () => {
  it('offers earlier succeeded versions of the target', () => {
    expect(
      isRollbackCandidate(
        promotion('succeeded', { tag: 'a', digest: digest('a') }),
        [env({ tag: 'b', digest: digest('b') })],
      ),
    ).toBe(true);
  });

  it('refuses the version that runs now, failed rows, and unknown targets', () => {
    const current = { tag: 'b', digest: digest('b') };
    expect(
      isRollbackCandidate(promotion('succeeded', current), [env(current)]),
    ).toBe(false);
    expect(
      isRollbackCandidate(
        promotion('failed', { tag: 'a', digest: digest('a') }),
        [env(current)],
      ),
    ).toBe(false);
    expect(
      isRollbackCandidate(promotion('succeeded', { tag: 'a' }), [env()]),
    ).toBe(false);
    expect(isRollbackCandidate(promotion('succeeded', { tag: 'a' }), [])).toBe(
      false,
    );
  });
});
