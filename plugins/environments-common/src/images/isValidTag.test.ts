import { isValidTag } from './isValidTag';

describe('isValidTag', () => {
  it.each(['v1', '1.10', '_x', 'a-b.c_d', '9075807', 'A'.repeat(128)])(
    'accepts %s',
    tag => expect(isValidTag(tag)).toBe(true),
  );

  it.each(['', '-x', '.x', 'a:b', 'a/b', 'a@b', 'a b', 'A'.repeat(129), 'é'])(
    'rejects %j',
    tag => expect(isValidTag(tag)).toBe(false),
  );
});
