import { GitTree, gitTree, gitTreeItems } from '../gitTree';
import type { ModelRepo } from '../modelTypes';
import { treeJson } from '../json/treeJson';
import { notFound } from '../notFound';
import type { StandInRoute } from '../StandInRoute';
import { resolveCommit } from './resolveCommit';

// GitHub's limit on one trees answer; beyond it `truncated` is true.
const MAX_ENTRIES = 100_000;

/**
 * `GET /repos/{owner}/{repo}/git/trees/{tree_sha}?recursive=`: a tree's entries. Like GitHub,
 * `tree_sha` may also be a branch or a commit SHA (answered with the commit's root tree), and any
 * `recursive` value, even `0` or `false`, lists every object below the tree.
 */
export const treeRoute: StandInRoute = {
  method: 'GET',
  openapiPath: '/repos/{owner}/{repo}/git/trees/{tree_sha}',
  pattern: /^\/git\/trees\/(.+)$/,
  handle({ model, repo, params, url, urls }) {
    const commit = resolveCommit(model, repo, params[0]);
    const root = commit && gitTree(commit.files);
    const found = root
      ? { tree: root, folder: '', sha: root.sha }
      : findTree(repo, params[0].toLowerCase());
    if (!found) return notFound();
    const items = gitTreeItems(
      found.tree,
      found.folder,
      url.searchParams.has('recursive'),
    );
    return {
      status: 200,
      body: treeJson(urls, repo, {
        sha: found.sha,
        items: items.slice(0, MAX_ENTRIES),
        truncated: items.length > MAX_ENTRIES,
      }),
    };
  },
};

/** A root tree or folder with tree SHA `sha` in any commit of `repo`. */
function findTree(
  repo: ModelRepo,
  sha: string,
): { tree: GitTree; folder: string; sha: string } | undefined {
  for (const commit of repo.commits.values()) {
    const tree = gitTree(commit.files);
    if (tree.sha === sha) return { tree, folder: '', sha };
    const item = tree.items.find(i => i.type === 'tree' && i.sha === sha);
    if (item) return { tree, folder: item.path, sha };
  }
  return undefined;
}
