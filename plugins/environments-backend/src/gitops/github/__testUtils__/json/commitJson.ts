import { gitTree } from '../gitTree';
import type { ModelCommit, ModelRepo } from '../modelTypes';
import type { GithubUrls } from '../GithubUrls';
import { simpleUserJson } from './simpleUserJson';

/** A `commit` object (commit listings and comparisons) as GitHub returns it. */
export function commitJson(
  urls: GithubUrls,
  repo: ModelRepo,
  commit: ModelCommit,
) {
  const api = urls.repoApi(repo.fullName);
  const web = urls.repoWeb(repo.fullName);
  const person = {
    name: commit.author.name,
    email: commit.author.email,
    date: commit.date,
  };
  const user = simpleUserJson(urls, commit.author.login);
  // The snapshot's real root tree, so `commit.tree.url` leads to the trees route.
  const tree = gitTree(commit.files).sha;
  return {
    sha: commit.sha,
    node_id: Buffer.from(`06:Commit${commit.sha}`).toString('base64'),
    commit: {
      author: person,
      committer: person,
      message: commit.message,
      tree: { sha: tree, url: `${api}/git/trees/${tree}` },
      url: `${api}/git/commits/${commit.sha}`,
      comment_count: 0,
      verification: {
        verified: false,
        reason: 'unsigned',
        signature: null,
        payload: null,
        verified_at: null,
      },
    },
    url: `${api}/commits/${commit.sha}`,
    html_url: `${web}/commit/${commit.sha}`,
    comments_url: `${api}/commits/${commit.sha}/comments`,
    author: user,
    committer: user,
    parents: commit.parents.map(sha => ({
      sha,
      url: `${api}/commits/${sha}`,
      html_url: `${web}/commit/${sha}`,
    })),
  };
}
