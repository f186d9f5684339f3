import type { ModelPull, ModelRepo } from '../modelTypes';
import type { GithubUrls } from '../GithubUrls';
import { repositoryJson } from './repositoryJson';
import { simpleUserJson } from './simpleUserJson';

/**
 * A pull request as GitHub returns it: `simple` for listings (`pull-request-simple`), otherwise
 * the full object of `GET /pulls/{number}` (`pull-request`).
 */
export function pullRequestJson(
  urls: GithubUrls,
  repo: ModelRepo,
  pull: ModelPull,
  options: { simple?: boolean } = {},
) {
  const api = urls.repoApi(repo.fullName);
  const web = urls.repoWeb(repo.fullName);
  const self = `${api}/pulls/${pull.number}`;
  const headRepo = pull.fromFork
    ? {
        ...repo,
        id: repo.id + 500_000,
        owner: pull.user,
        fullName: `${pull.user}/${repo.name}`,
      }
    : repo;
  const simple = {
    url: self,
    id: pull.id,
    node_id: Buffer.from(`011:PullRequest${pull.id}`).toString('base64'),
    html_url: `${web}/pull/${pull.number}`,
    diff_url: `${web}/pull/${pull.number}.diff`,
    patch_url: `${web}/pull/${pull.number}.patch`,
    issue_url: `${api}/issues/${pull.number}`,
    commits_url: `${self}/commits`,
    review_comments_url: `${self}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pull.number}/comments`,
    statuses_url: `${api}/statuses/${pull.headSha}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: simpleUserJson(urls, pull.user),
    body: pull.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: {
      label: `${headRepo.owner}:${pull.head}`,
      ref: pull.head,
      sha: pull.headSha,
      user: simpleUserJson(urls, headRepo.owner),
      repo: repositoryJson(urls, headRepo),
    },
    base: {
      label: `${repo.owner}:${pull.base}`,
      ref: pull.base,
      sha: repo.branches.get(pull.base) ?? pull.headSha,
      user: simpleUserJson(urls, repo.owner),
      repo: repositoryJson(urls, repo),
    },
    _links: {
      self: { href: self },
      html: { href: `${web}/pull/${pull.number}` },
      issue: { href: `${api}/issues/${pull.number}` },
      comments: { href: `${api}/issues/${pull.number}/comments` },
      review_comments: { href: `${self}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${self}/commits` },
      statuses: { href: `${api}/statuses/${pull.headSha}` },
    },
    author_association: 'MEMBER',
    auto_merge: null,
    draft: false,
  };
  if (options.simple) return simple;
  return {
    ...simple,
    merged: pull.mergedAt !== null,
    mergeable: pull.state === 'open' ? true : null,
    rebaseable: pull.state === 'open' ? true : null,
    mergeable_state: pull.state === 'open' ? 'clean' : 'unknown',
    merged_by: pull.mergedBy ? simpleUserJson(urls, pull.mergedBy) : null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 1,
    deletions: 1,
    changed_files: 1,
  };
}
