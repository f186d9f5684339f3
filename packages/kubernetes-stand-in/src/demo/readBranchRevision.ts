import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** The commit at the tip of `branch` of a bare repository; undefined when there is no such branch. */
export async function readBranchRevision(options: {
  gitDir: string;
  branch: string;
}): Promise<string | undefined> {
  try {
    const { stdout } = await exec(
      'git',
      [
        `--git-dir=${options.gitDir}`,
        'rev-parse',
        '--verify',
        '--quiet',
        `refs/heads/${options.branch}^{commit}`,
      ],
      {
        env: {
          ...process.env,
          GIT_CONFIG_NOSYSTEM: '1',
          GIT_TERMINAL_PROMPT: '0',
        },
      },
    );
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}
