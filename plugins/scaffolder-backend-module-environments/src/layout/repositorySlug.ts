/**
 * `owner/repo` of a repository given as `owner/repo` or as an https Git URL
 * (`https://github.example.com/acme/gitops.git`), lowercase; undefined when the URL's path is not
 * `/<owner>/<repo>`.
 */
export function repositorySlug(repository: string): string | undefined {
  const path = repository.startsWith('https://')
    ? new URL(repository).pathname.replace(/^\/|\/$/g, '').replace(/\.git$/, '')
    : repository;
  const parts = path.split('/');
  return parts.length === 2 && parts.every(Boolean)
    ? path.toLocaleLowerCase('en-US')
    : undefined;
}
