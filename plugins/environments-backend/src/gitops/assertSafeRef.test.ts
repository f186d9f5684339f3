import { assertSafeRef } from './assertSafeRef';

describe('assertSafeRef', () => {
  it.each([
    'main',
    'release/1.2',
    'stageline/checkout/qa',
    'a'.repeat(40),
    'v1.0_rc-1',
  ])('accepts %j', ref => expect(assertSafeRef(ref)).toBe(ref));

  it.each([
    '',
    '-x',
    '--all',
    'a..b',
    'a b',
    'a:b',
    'a~1',
    'a^',
    'HEAD@{1}',
    'a//b',
    'a/',
    'a.',
    'a.lock',
    '.a',
    'a\\b',
    'x'.repeat(256),
  ])('refuses %j', ref => {
    expect(() => assertSafeRef(ref)).toThrow(
      expect.objectContaining({ name: 'InputError' }),
    );
  });

  it('accepts a trailing slash on prefixes only', () => {
    expect(assertSafeRef('stageline/checkout/', { prefix: true })).toBe(
      'stageline/checkout/',
    );
    expect(() => assertSafeRef('stageline/checkout/')).toThrow();
  });
});
