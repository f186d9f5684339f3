import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/**
 * A file of a bare Git repository at `ref`, a branch or a commit (`git show <ref>:<path>`), as
 * Argo CD would read it; undefined when the ref or the file does not exist.
 */
export async function readOverlayFile(options: {
  gitDir: string;
  ref: string;
  path: string;
}): Promise<string | undefined> {
  try {
    const { stdout } = await exec(
      'git',
      [`--git-dir=${options.gitDir}`, 'show', `${options.ref}:${options.path}`],
      {
        env: {
          ...process.env,
          GIT_CONFIG_NOSYSTEM: '1',
          GIT_TERMINAL_PROMPT: '0',
        },
        maxBuffer: 1024 * 1024,
      },
    );
    return stdout;
  } catch {
    return undefined;
  }
}
