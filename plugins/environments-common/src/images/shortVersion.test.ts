import { shortVersion } from './shortVersion';

describe('shortVersion', () => {
  it('shortens a commit-SHA tag and the digest', () => {
    expect(
      shortVersion({
        name: 'r/x',
        tag: 'b0dcbefaca619c9c1af0c8847eddd0ed5010a637',
        digest: `sha256:${'ab'.repeat(32)}`,
      }),
    ).toBe('b0dcbef@sha256:abababababab');
  });

  it('keeps other tags and falls back to the name', () => {
    expect(shortVersion({ name: 'r/x', tag: '1.4.2' })).toBe('1.4.2');
    expect(shortVersion({ name: 'r/x' })).toBe('r/x');
  });
});
