import type { ModelCommit, ModelRepo } from '../modelTypes';
import { commitJson } from '../json/commitJson';
import { diffEntryJson } from '../json/diffEntryJson';
import type { StandInRoute } from '../StandInRoute';
import { validationFailed } from '../validationFailed';
import { resolveCommit } from './resolveCommit';

/**
 * `GET /repos/{owner}/{repo}/commits/{ref}` ("Get a commit"): the commit with its `stats` and
 * `files`, compared with its first parent as GitHub does (a root commit adds every file). An
 * unknown ref is GitHub's 422 "No commit found for SHA". Files are not paged (GitHub: 300 a page).
 */
export const commitRoute: StandInRoute = {
  method: 'GET',
  openapiPath: '/repos/{owner}/{repo}/commits/{ref}',
  pattern: /^\/commits\/(.+)$/,
  handle({ model, repo, params, urls }) {
    const [ref] = params;
    const commit = resolveCommit(model, repo, ref);
    if (!commit) return validationFailed(`No commit found for SHA: ${ref}`);
    const files = changedFiles(repo, commit).map(change =>
      diffEntryJson(urls, repo, { sha: commit.sha, ...change }),
    );
    const additions = files.reduce((sum, f) => sum + f.additions, 0);
    const deletions = files.reduce((sum, f) => sum + f.deletions, 0);
    return {
      status: 200,
      body: {
        ...commitJson(urls, repo, commit),
        stats: { additions, deletions, total: additions + deletions },
        files,
      },
    };
  },
};

function changedFiles(repo: ModelRepo, commit: ModelCommit) {
  const parent = commit.parents.length
    ? repo.commits.get(commit.parents[0])!.files
    : new Map();
  const paths = new Set([...parent.keys(), ...commit.files.keys()]);
  return [...paths]
    .sort()
    .map(path => ({
      path,
      before: parent.get(path),
      after: commit.files.get(path),
    }))
    .filter(
      ({ before, after }) => JSON.stringify(before) !== JSON.stringify(after),
    );
}
