import { NotAllowedError } from '@backstage/errors';
import type { BareClone } from '../../../gitops/local/BareClone';
import { GitCommandError } from '../../../gitops/local/GitCommandError';
import { StaleBaseError } from '../StaleBaseError';

// The branch moved (a conflict to retry); a `[remote rejected]` push was refused by the server.
const PUSH_REJECTED = /\[rejected\]|non-fast-forward|fetch first|stale info/;
const PUSH_REFUSED = /\[remote rejected\][^(\n]*(?:\(([^)\n]*)\))?/;

/**
 * Pushes `commit` to `branch` only if it still is at `expected` (absent: must not exist). A
 * branch that moved is a StaleBaseError (fetch, re-apply, retry); a push the server refused is
 * not.
 */
export async function pushBranch(
  clone: BareClone,
  commit: string,
  branch: string,
  expected: string | undefined,
): Promise<void> {
  try {
    await clone.network([
      'push',
      '--quiet',
      `--force-with-lease=refs/heads/${branch}:${expected ?? ''}`,
      'origin',
      `${commit}:refs/heads/${branch}`,
    ]);
  } catch (error) {
    if (error instanceof GitCommandError) {
      const output = error.stderr;
      const refused = PUSH_REFUSED.exec(output);
      if (refused) throw refusedPush(clone, branch, output, refused[1]);
      if (PUSH_REJECTED.test(output)) {
        throw new StaleBaseError(`${branch} moved`);
      }
    }
    throw clone.unreachable(error);
  }
}

/**
 * A push the server refused (a pre-receive hook, a protected branch) is not a conflict:
 * retrying cannot help. The message carries what the server said (`remote:` lines).
 */
function refusedPush(
  clone: BareClone,
  branch: string,
  output: string,
  reason?: string,
) {
  const said = output
    .split('\n')
    .filter(line => line.startsWith('remote:'))
    .map(line => line.slice('remote:'.length).trim())
    .map(withoutControlCharacters)
    .filter(Boolean)
    .join(' ')
    .slice(0, 500);
  const why = [said, reason].filter(Boolean).join('; ');
  return new NotAllowedError(
    `${clone.displayName} refused the push to ${branch}${
      why ? `: ${why}` : ''
    }`,
  );
}

/** Drops C0 control characters and DEL, which could forge lines in a log or a message. */
function withoutControlCharacters(line: string): string {
  return Array.from(line)
    .filter(char => char >= ' ' && char !== '\u007f')
    .join('');
}
