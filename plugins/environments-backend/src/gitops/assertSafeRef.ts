import { InputError } from '@backstage/errors';

// A conservative subset of git's ref-name rules: enough for branches, tags and commit SHAs, and
// nothing a command line could read as an option or a revision range.
const REF = /^[A-Za-z0-9_][A-Za-z0-9._/-]*$/;

/**
 * Checks a branch name, branch prefix or commit SHA before it reaches the GitHub API or the git
 * CLI. `prefix` accepts a trailing `/` (`stageline/checkout/`).
 */
export function assertSafeRef(
  ref: string,
  options: { what?: string; prefix?: boolean } = {},
): string {
  const what = options.what ?? 'ref';
  const body = options.prefix && ref.endsWith('/') ? ref.slice(0, -1) : ref;
  const ok =
    ref.length <= 255 &&
    REF.test(body) &&
    !body.includes('..') &&
    !body.includes('//') &&
    !body.endsWith('/') &&
    !body.endsWith('.') &&
    !body.endsWith('.lock');
  if (!ok) {
    throw new InputError(
      `Invalid ${what} '${JSON.stringify(ref).slice(
        1,
        -1,
      )}': use letters, digits, '.', '_', '-' and '/', not starting with '-' or containing '..'`,
    );
  }
  return ref;
}
