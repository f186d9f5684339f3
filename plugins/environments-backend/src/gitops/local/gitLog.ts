import type { CommitSummary } from '@stageline/plugin-environments-common';
import { parsePullRequestNumber } from '../parsePullRequestNumber';
import { toIsoDate } from './toIsoDate';

// Fields split by 0x1f and commits ended by 0x1e: neither occurs in commit metadata.
const FORMAT = '--format=%H%x1f%an%x1f%cI%x1f%B%x1e';

/** Runs `git log <args>` through `git` and parses the commits, newest first as git lists them. */
export async function gitLog(
  git: (args: string[]) => Promise<Buffer>,
  args: string[],
): Promise<CommitSummary[]> {
  const output = await git(['log', FORMAT, ...args]);
  return output
    .toString('utf8')
    .split('\x1e')
    .map(record => record.replace(/^\n/, ''))
    .filter(Boolean)
    .map(record => {
      const [sha, author, date, ...message] = record.split('\x1f');
      const text = message.join('\x1f').trim();
      const number = parsePullRequestNumber(text);
      return {
        sha,
        message: text,
        author,
        date: toIsoDate(date),
        ...(number !== undefined && { pullRequest: { number } }),
      };
    });
}
