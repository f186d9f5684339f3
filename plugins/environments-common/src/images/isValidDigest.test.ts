import { isValidDigest } from './isValidDigest';

const HEX = '0123456789abcdef'.repeat(4);

describe('isValidDigest', () => {
  it('accepts sha256 with 64 lowercase hex', () => {
    expect(isValidDigest(`sha256:${HEX}`)).toBe(true);
  });

  it.each([
    ['uppercase hex', `sha256:${HEX.toUpperCase()}`],
    ['short', `sha256:${HEX.slice(1)}`],
    ['long', `sha256:${HEX}0`],
    ['other algorithm', `sha512:${HEX}${HEX}`],
    ['no algorithm', HEX],
    ['non-hex', `sha256:${'g'.repeat(64)}`],
    ['empty', ''],
    ['trailing newline', `sha256:${HEX}\n`],
  ])('rejects %s', (_, digest) => {
    expect(isValidDigest(digest)).toBe(false);
  });
});
