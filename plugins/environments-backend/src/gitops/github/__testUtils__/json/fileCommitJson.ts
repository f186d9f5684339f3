import { gitTree } from '../gitTree';
import type { ModelCommit, ModelRepo } from '../modelTypes';
import type { GithubUrls } from '../GithubUrls';
import { contentJson } from './contentJson';

/** The `file-commit` answer of a Contents API write. */
export function fileCommitJson(
  urls: GithubUrls,
  repo: ModelRepo,
  input: { branch: string; path: string; commit: ModelCommit },
) {
  const { commit } = input;
  const api = urls.repoApi(repo.fullName);
  const web = urls.repoWeb(repo.fullName);
  const entry = commit.files.get(input.path)!;
  const person = {
    name: commit.author.name,
    email: commit.author.email,
    date: commit.date,
  };
  const tree = gitTree(commit.files).sha;
  const content = contentJson(urls, {
    fullName: repo.fullName,
    ref: input.branch,
    path: input.path,
    entry,
    listing: true,
  });
  return {
    content,
    commit: {
      sha: commit.sha,
      node_id: Buffer.from(`06:Commit${commit.sha}`).toString('base64'),
      url: `${api}/git/commits/${commit.sha}`,
      html_url: `${web}/commit/${commit.sha}`,
      author: person,
      committer: person,
      message: commit.message,
      tree: { url: `${api}/git/trees/${tree}`, sha: tree },
      parents: commit.parents.map(sha => ({
        url: `${api}/git/commits/${sha}`,
        html_url: `${web}/commit/${sha}`,
        sha,
      })),
      verification: {
        verified: false,
        reason: 'unsigned',
        signature: null,
        payload: null,
        verified_at: null,
      },
    },
  };
}
