import { assertSafeRepoPath } from './assertSafeRepoPath';

describe('assertSafeRepoPath', () => {
  it.each([
    'k8s/overlays/qa',
    'kustomization.yaml',
    'a/b.c/d_e-f',
    'k8s/a*',
    '.github/x',
  ])('accepts %j', path => expect(assertSafeRepoPath(path)).toBe(path));

  it.each([
    ['', /empty/],
    ['../prod', /'\.\.'/],
    ['prod/../../x', /'\.\.'/],
    ['prod\\..', /backslash/],
    ['/etc', /relative/],
    ['a\u0000b', /control/],
    ['a\nb', /control/],
    ['prod/', /empty or '\.'/],
    ['a//b', /empty or '\.'/],
    ['./a', /empty or '\.'/],
    ['-rf', /'-'/],
    ['x'.repeat(1025), /longer/],
  ])('refuses %j', (path, message) => {
    expect(() => assertSafeRepoPath(path)).toThrow(message);
  });

  it('accepts the root only when allowed', () => {
    expect(assertSafeRepoPath('', { allowRoot: true })).toBe('');
    expect(() => assertSafeRepoPath('')).toThrow();
  });
});
