import type { ModelCommit, ModelRepo } from '../modelTypes';
import type { GithubUrls } from '../GithubUrls';
import { commitJson } from './commitJson';

/** A `commit-comparison` object; `commits` are oldest first, as GitHub lists them. */
export function comparisonJson(
  urls: GithubUrls,
  repo: ModelRepo,
  input: {
    basehead: string;
    base: ModelCommit;
    mergeBase: ModelCommit;
    ahead: ModelCommit[];
    behindBy: number;
    /** How many of `ahead` (oldest first) to include, as GitHub caps at 250 per page. */
    limit: number;
  },
) {
  const api = urls.repoApi(repo.fullName);
  const web = urls.repoWeb(repo.fullName);
  const [baseRef, headRef] = input.basehead.split('...');
  const aheadBy = input.ahead.length;
  let status = 'identical';
  if (aheadBy && input.behindBy) status = 'diverged';
  else if (aheadBy) status = 'ahead';
  else if (input.behindBy) status = 'behind';
  return {
    url: `${api}/compare/${input.basehead}`,
    html_url: `${web}/compare/${input.basehead}`,
    permalink_url: `${web}/compare/${repo.owner}:${baseRef}...${repo.owner}:${headRef}`,
    diff_url: `${web}/compare/${input.basehead}.diff`,
    patch_url: `${web}/compare/${input.basehead}.patch`,
    base_commit: commitJson(urls, repo, input.base),
    merge_base_commit: commitJson(urls, repo, input.mergeBase),
    status,
    ahead_by: aheadBy,
    behind_by: input.behindBy,
    total_commits: aheadBy,
    commits: input.ahead
      .slice(0, input.limit)
      .map(commit => commitJson(urls, repo, commit)),
    files: [],
  };
}
