import type { ModelRepo } from '../modelTypes';
import type { GithubUrls } from '../GithubUrls';

/** A `git-ref` object: `ref` is the full name, e.g. `refs/heads/main`. */
export function gitRefJson(
  urls: GithubUrls,
  repo: ModelRepo,
  ref: string,
  sha: string,
) {
  const api = urls.repoApi(repo.fullName);
  return {
    ref,
    node_id: Buffer.from(`03:Ref${repo.id}:${ref}`).toString('base64'),
    url: `${api}/git/${ref}`,
    object: { type: 'commit', sha, url: `${api}/git/commits/${sha}` },
  };
}
