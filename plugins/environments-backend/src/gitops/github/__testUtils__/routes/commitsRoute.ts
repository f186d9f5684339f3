import type { GithubModel } from '../GithubModel';
import type { ModelCommit, ModelRepo, TreeEntry } from '../modelTypes';
import { commitJson } from '../json/commitJson';
import { notFound } from '../notFound';
import type { StandInRoute } from '../StandInRoute';
import { paginate } from './paginate';

/**
 * `GET /repos/{owner}/{repo}/commits?sha=&path=&per_page=&page=`: newest first; with `path`,
 * only commits that changed it, with git's default history simplification (a merge that kept
 * one parent's version of the path is skipped and only that parent is followed).
 */
export const commitsRoute: StandInRoute = {
  method: 'GET',
  openapiPath: '/repos/{owner}/{repo}/commits',
  pattern: /^\/commits$/,
  handle({ model, repo, url, urls }) {
    const ref = url.searchParams.get('sha') ?? repo.defaultBranch;
    const head = model.resolve(repo, ref);
    if (!head) return notFound(`No commit found for SHA: ${ref}`);
    const path = url.searchParams.get('path');
    const commits = path
      ? touching(model, repo, head, path)
      : model.ancestors(repo, head.sha);
    return paginate(
      url,
      commits.map(c => commitJson(urls, repo, c)),
    );
  },
};

function touching(
  model: GithubModel,
  repo: ModelRepo,
  head: ModelCommit,
  path: string,
) {
  const found = new Map<string, ModelCommit>();
  const seen = new Set<string>();
  const queue = [head];
  while (queue.length) {
    const commit = queue.shift()!;
    if (seen.has(commit.sha)) continue;
    seen.add(commit.sha);
    const parents = commit.parents.map(sha => repo.commits.get(sha)!);
    const same = parents.find(p =>
      sameEntry(p.files.get(path), commit.files.get(path)),
    );
    if (same && parents.length > 1) {
      queue.push(same);
      continue;
    }
    if (!same && (parents.length || commit.files.has(path)))
      found.set(commit.sha, commit);
    queue.push(...parents);
  }
  return model.ancestors(repo, head.sha).filter(c => found.has(c.sha));
}

function sameEntry(a?: TreeEntry, b?: TreeEntry) {
  return JSON.stringify(a) === JSON.stringify(b);
}
