/**
 * One spelling of a Git repository for comparison: no scheme, user, `.git` or trailing slash,
 * scp-style `git@host:owner/repo` as `host/owner/repo`, lower case.
 */
export function normalizeRepository(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^[a-z+]+:\/\//, '')
    .replace(/^[^@/]+@/, '')
    .replace(/^([^/:]+):(?!\d)/, '$1/')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');
}

/** Whether an agent's `repoURL` names one of the environment's repository identities. */
export function sameRepository(
  repoURL: string | undefined,
  repositories: string[],
): boolean {
  if (!repoURL) return false;
  const url = normalizeRepository(repoURL);
  return repositories.some(r => normalizeRepository(r) === url);
}

/** Folder paths as agents write them (`./k8s/overlays/qa/`) compared with Stageline's (`k8s/overlays/qa`). */
export function samePath(a: string | undefined, b: string): boolean {
  const clean = (p: string) =>
    p
      .trim()
      .replace(/^\.?\/+/, '')
      .replace(/\/+$/, '');
  return a !== undefined && clean(a) === clean(b);
}
