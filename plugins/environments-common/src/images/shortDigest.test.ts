import { shortDigest } from './shortDigest';

describe('shortDigest', () => {
  it.each([
    [`sha256:${'0123456789abcdef'.repeat(4)}`, '0123456789ab'],
    ['sha256:abc', 'abc'],
    ['0123456789abcdef', '0123456789ab'],
  ])('shortens %s', (digest, expected) => {
    expect(shortDigest(digest)).toBe(expected);
  });
});
