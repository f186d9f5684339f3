const MERGE_COMMIT = /^Merge pull request #(\d+) from /;
const SQUASH_COMMIT = /\(#(\d+)\)\s*$/;

/**
 * The pull request a commit came from, read from the subject GitHub writes: `Merge pull request
 * #12 from …` for merge commits, `Title (#12)` for squash merges.
 */
export function parsePullRequestNumber(message: string): number | undefined {
  const subject = message.split('\n')[0];
  const match = MERGE_COMMIT.exec(subject) ?? SQUASH_COMMIT.exec(subject);
  return match ? Number(match[1]) : undefined;
}
