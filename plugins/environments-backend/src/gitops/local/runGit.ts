import { spawn } from 'node:child_process';
import { GitCommandError } from './GitCommandError';

const STDERR_LIMIT = 64 * 1024;

/**
 * Environment for every git command: never prompt (a missing credential fails instead of
 * hanging), read pathspecs literally (no globs or magic), allow only ordinary transports (not
 * `ext::`, which runs commands), and fail rather than ask about unknown SSH host keys.
 */
function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...extra,
    GIT_TERMINAL_PROMPT: '0',
    GCM_INTERACTIVE: 'never',
    GIT_LITERAL_PATHSPECS: '1',
    GIT_ALLOW_PROTOCOL: 'file:git:http:https:ssh',
    LC_ALL: 'C',
  };
  if (!env.GIT_SSH_COMMAND && !env.GIT_SSH) {
    env.GIT_SSH_COMMAND = 'ssh -o BatchMode=yes';
  }
  return env;
}

/**
 * Runs `git` with an argument array (never a shell), no stdin, a timeout and an output cap.
 * Resolves with stdout; rejects with GitCommandError.
 */
export function runGit(
  args: string[],
  options: {
    cwd?: string;
    timeoutMs: number;
    maxBytes?: number;
    /** Written to the command's standard input (e.g. object names for `cat-file --batch`). */
    input?: Buffer;
    /** Extra environment, e.g. `GIT_INDEX_FILE` for a private index. */
    env?: Record<string, string>;
  },
): Promise<Buffer> {
  const maxBytes = options.maxBytes ?? 16 * 1024 * 1024;
  // The subcommand: skip options and the values of `-c name=value`.
  const command =
    args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '-c') ?? args[0];
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout also kills the helpers git starts (git-remote-http,
    // ssh): they hold the output pipes, and killing `git` alone left the command hanging.
    const child = spawn('git', args, {
      cwd: options.cwd,
      env: gitEnv(options.env),
      stdio: [options.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    });
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    let tooLarge = false;
    let timedOut = false;
    const killAll = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      // Should a helper have left the group with the pipes, stop waiting for them anyway.
      setTimeout(() => {
        child.stdout!.destroy();
        child.stderr!.destroy();
      }, 1_000).unref();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killAll();
    }, options.timeoutMs);
    if (options.input) {
      // A command that exits early closes its input; the exit code tells what happened.
      child.stdin!.on('error', () => {});
      child.stdin!.end(options.input);
    }
    child.stdout!.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxBytes) {
        if (!tooLarge) killAll();
        tooLarge = true;
      } else {
        stdout.push(chunk);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      if (stderr.length < STDERR_LIMIT) stderr += chunk.toString('utf8');
    });
    child.on('error', error => {
      clearTimeout(timer);
      reject(new GitCommandError(command, null, error.message, 'spawn'));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (tooLarge) {
        reject(new GitCommandError(command, code, stderr, 'too-large'));
      } else if (timedOut || signal) {
        reject(new GitCommandError(command, code, stderr, 'timeout'));
      } else if (code !== 0) {
        reject(new GitCommandError(command, code, stderr, 'exit'));
      } else {
        resolve(Buffer.concat(stdout));
      }
    });
  });
}
