import type { GitTreeItem } from '../gitTree';
import type { ModelRepo } from '../modelTypes';
import type { GithubUrls } from '../GithubUrls';

/** A `git-tree` object: the tree `sha` and its `items` (paths relative to it). */
export function treeJson(
  urls: GithubUrls,
  repo: ModelRepo,
  input: { sha: string; items: GitTreeItem[]; truncated: boolean },
) {
  const api = urls.repoApi(repo.fullName);
  return {
    sha: input.sha,
    url: `${api}/git/trees/${input.sha}`,
    tree: input.items.map(item => ({
      path: item.path,
      mode: item.mode,
      type: item.type,
      sha: item.sha,
      ...(item.size !== undefined && { size: item.size }),
      // GitHub links trees and blobs, not submodule commits (they live in another repository).
      ...(item.type !== 'commit' && {
        url: `${api}/git/${item.type}s/${item.sha}`,
      }),
    })),
    truncated: input.truncated,
  };
}
