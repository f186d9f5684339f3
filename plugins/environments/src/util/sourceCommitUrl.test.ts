import { sourceCommitUrl } from './sourceCommitUrl';

const sha = 'b0dcbefaca619c9c1af0c8847eddd0ed5010a637';

describe('sourceCommitUrl', () => {
  it('links a commit-SHA tag to the project repository', () => {
    expect(sourceCommitUrl({ name: 'r/x', tag: sha }, 'acme/checkout')).toBe(
      `https://github.com/acme/checkout/commit/${sha}`,
    );
  });

  it('does not link tags that are not commits, or odd slugs', () => {
    expect(sourceCommitUrl({ name: 'r/x', tag: 'v1.2.0' }, 'acme/x')).toBe(
      undefined,
    );
    expect(sourceCommitUrl({ name: 'r/x', tag: sha }, undefined)).toBe(
      undefined,
    );
    expect(
      sourceCommitUrl({ name: 'r/x', tag: sha }, 'acme/x/../../evil'),
    ).toBeUndefined();
  });
});
