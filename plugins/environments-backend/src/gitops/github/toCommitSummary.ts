import type { CommitSummary } from '@stageline/plugin-environments-common';
import { parsePullRequestNumber } from '../parsePullRequestNumber';

/** The fields of a GitHub commit object Stageline reads. */
export type GithubCommit = {
  sha: string;
  html_url?: string;
  author?: { login?: string } | null;
  commit: {
    message: string;
    author?: { name?: string; date?: string } | null;
    committer?: { date?: string } | null;
  };
};

/** A GitHub commit as a CommitSummary, with the pull request it came from when known. */
export function toCommitSummary(
  commit: GithubCommit,
  repoWebUrl: string,
): CommitSummary {
  const number = parsePullRequestNumber(commit.commit.message);
  return {
    sha: commit.sha,
    message: commit.commit.message.trim(),
    author: commit.author?.login ?? commit.commit.author?.name,
    date: commit.commit.committer?.date ?? commit.commit.author?.date,
    url: commit.html_url,
    ...(number !== undefined && {
      pullRequest: { number, url: `${repoWebUrl}/pull/${number}` },
    }),
  };
}
