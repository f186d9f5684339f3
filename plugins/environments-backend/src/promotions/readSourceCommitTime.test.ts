import type { GitRepository } from '../gitops/types';
import { readSourceCommitTime } from './readSourceCommitTime';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
const IMAGE = 'ghcr.io/acme/checkout';

function repo(compare: GitRepository['compare']): GitRepository {
  return { compare } as Partial<GitRepository> as GitRepository;
}

describe('readSourceCommitTime', () => {
  it("finds the version's commit among those since the target's version", async () => {
    const compare = jest.fn(async () => ({
      commits: [
        { sha: C, message: 'newest', date: '2026-11-02T12:00:00+01:00' },
        { sha: B, message: 'older', date: '2026-11-01T09:00:00Z' },
      ],
      truncated: false,
    }));
    await expect(
      readSourceCommitTime(
        repo(compare),
        { name: IMAGE, tag: C },
        { name: IMAGE, tag: A },
      ),
    ).resolves.toBe('2026-11-02T11:00:00.000Z');
    expect(compare).toHaveBeenCalledWith(A, C);
  });

  it('is undefined without commit SHA tags, without the commit, or when the read fails', async () => {
    const compare = jest.fn(async () => ({
      commits: [{ sha: B, message: 'other', date: '2026-11-01T09:00:00Z' }],
      truncated: true,
    }));
    const version = { name: IMAGE, tag: C };
    const target = { name: IMAGE, tag: A };
    expect(
      await readSourceCommitTime(
        repo(compare),
        { name: IMAGE, tag: 'v2' },
        target,
      ),
    ).toBeUndefined();
    expect(
      await readSourceCommitTime(repo(compare), version, undefined),
    ).toBeUndefined();
    expect(
      await readSourceCommitTime(undefined, version, target),
    ).toBeUndefined();
    expect(
      await readSourceCommitTime(repo(compare), version, target),
    ).toBeUndefined();
    const failing = repo(async () => {
      throw new Error('GitHub is down');
    });
    expect(
      await readSourceCommitTime(failing, version, target),
    ).toBeUndefined();
  });
});
