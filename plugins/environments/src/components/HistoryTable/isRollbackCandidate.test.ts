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
  createdAt = '2026-11-20T10:00:00Z',
) =>
  ({
    state,
    target: 'staging',
    version: { name: 'r/x', ...version },
    createdAt,
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

  it('does not offer a version newer than the one that runs (a roll forward)', () => {
    const v1 = promotion('succeeded', { tag: 'v1' }, '2026-11-20T10:00:00Z');
    const v2 = promotion('succeeded', { tag: 'v2' }, '2026-11-20T11:00:00Z');
    const v3 = promotion('succeeded', { tag: 'v3' }, '2026-11-20T12:00:00Z');
    // v3 shipped, then staging was rolled back to v2.
    const backToV2 = promotion(
      'succeeded',
      { tag: 'v2' },
      '2026-11-20T13:00:00Z',
    );
    const history = [backToV2, v3, v2, v1];
    const now = [env({ tag: 'v2' })];
    expect(isRollbackCandidate(v3, now, history)).toBe(false);
    expect(isRollbackCandidate(v1, now, history)).toBe(true);
  });
});
