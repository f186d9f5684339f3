import { spawn } from 'node:child_process';
import { GitCommandError } from './GitCommandError';

const STDERR_LIMIT = 64 * 1024;

/**
 * Environment for every git command: never prompt (a missing credential fails instead of
 * hanging), read pathspecs literally (no globs or magic), allow only ordinary transports (not
 * `ext::`, which runs commands), and fail rather than ask about unknown SSH host keys.
 */
function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
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
  options: { cwd?: string; timeoutMs: number; maxBytes?: number },
): Promise<Buffer> {
  const maxBytes = options.maxBytes ?? 16 * 1024 * 1024;
  const command = args.find(a => !a.startsWith('-')) ?? args[0];
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: options.cwd,
      env: gitEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs,
      killSignal: 'SIGKILL',
    });
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    let tooLarge = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxBytes) {
        tooLarge = true;
        child.kill('SIGKILL');
      } else {
        stdout.push(chunk);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < STDERR_LIMIT) stderr += chunk.toString('utf8');
    });
    child.on('error', error => {
      reject(new GitCommandError(command, null, error.message, 'spawn'));
    });
    child.on('close', (code, signal) => {
      if (tooLarge) {
        reject(new GitCommandError(command, code, stderr, 'too-large'));
      } else if (signal) {
        reject(new GitCommandError(command, code, stderr, 'timeout'));
      } else if (code !== 0) {
        reject(new GitCommandError(command, code, stderr, 'exit'));
      } else {
        resolve(Buffer.concat(stdout));
      }
    });
  });
}
