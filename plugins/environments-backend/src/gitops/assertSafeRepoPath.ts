import { InputError } from '@backstage/errors';

const MAX_LENGTH = 1024;
// Control characters (NUL included) have no place in an overlay path and confuse tools.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Checks a repository-relative path before it reaches the GitHub API or the git CLI: no
 * traversal (`..`), no absolute or Windows-style paths, no option look-alikes, no empty or `.`
 * segments. `allowRoot` accepts `''` for the repository root.
 */
export function assertSafeRepoPath(
  path: string,
  options: { allowRoot?: boolean } = {},
): string {
  if (path === '' && options.allowRoot) return path;
  const problem = pathProblem(path);
  if (problem) {
    throw new InputError(
      `Invalid repository path '${printable(path)}': ${problem}`,
    );
  }
  return path;
}

function pathProblem(path: string): string | undefined {
  if (path === '') return 'it is empty';
  if (path.length > MAX_LENGTH)
    return `it is longer than ${MAX_LENGTH} characters`;
  if (CONTROL.test(path)) return 'it contains control characters';
  if (path.includes('\\')) return 'it contains a backslash';
  if (path.startsWith('/')) return 'it must be relative to the repository root';
  if (path.startsWith('-')) return "it must not start with '-'";
  const segments = path.split('/');
  if (segments.includes('..')) return "it must not contain '..'";
  if (segments.some(s => s === '' || s === '.')) {
    return "it must not contain empty or '.' segments";
  }
  return undefined;
}

function printable(path: string) {
  return JSON.stringify(path).slice(1, -1);
}
