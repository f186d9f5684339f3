import { ServiceUnavailableError } from '@backstage/errors';
import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { GitCommandError } from '../../../gitops/local/GitCommandError';
import { runGit } from '../../../gitops/local/runGit';

// Repository configuration cannot run anything: no hooks, no fsmonitor command, no signing
// program; symlinks are checked out as plain files, so a write never follows one.
const HARDENING = [
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'core.fsmonitor=false',
  '-c',
  'commit.gpgsign=false',
  '-c',
  'core.symlinks=false',
];

/**
 * A non-bare clone of one remote under `clonesDirectory` (next to the read model's bare
 * clones, named by a hash of the URL), where the writer commits and from which it pushes.
 * Every command runs through runGit (no shell) with HARDENING.
 */
export class WorkClone {
  readonly dir: string;
  readonly #url: string;
  readonly #displayName: string;
  readonly #clonesDirectory: string;
  readonly #networkTimeoutMs: number;
  readonly #commandTimeoutMs: number;

  constructor(options: {
    url: string;
    displayName: string;
    clonesDirectory: string;
    networkTimeoutMs: number;
    commandTimeoutMs: number;
  }) {
    this.#url = options.url;
    this.#displayName = options.displayName;
    this.#clonesDirectory = options.clonesDirectory;
    this.#networkTimeoutMs = options.networkTimeoutMs;
    this.#commandTimeoutMs = options.commandTimeoutMs;
    const hash = createHash('sha256').update(options.url).digest('hex');
    this.dir = join(options.clonesDirectory, `${hash.slice(0, 32)}.work`);
  }

  /** Clones on first use, then fetches every branch (pruning deleted ones). */
  async fetch(): Promise<void> {
    try {
      if (await this.#exists()) {
        await this.network(['fetch', '--prune', '--quiet', 'origin']);
      } else {
        await this.#clone();
      }
    } catch (error) {
      throw this.unreachable(error);
    }
  }

  /** A local git command in the clone. */
  git(args: string[]): Promise<Buffer> {
    return this.#run(args, this.#commandTimeoutMs);
  }

  /** A git command that talks to the remote. */
  network(args: string[]): Promise<Buffer> {
    return this.#run(args, this.#networkTimeoutMs);
  }

  async #run(args: string[], timeoutMs: number): Promise<Buffer> {
    try {
      return await runGit([...HARDENING, ...args], {
        cwd: this.dir,
        timeoutMs,
      });
    } catch (error) {
      // runGit names the first non-option argument, here a -c value: name the subcommand.
      if (!(error instanceof GitCommandError)) throw error;
      const command =
        args.find(a => !a.startsWith('-') && !a.includes('=')) ?? '';
      throw new GitCommandError(
        command,
        error.exitCode,
        error.stderr,
        error.reason,
      );
    }
  }

  /** The error for a remote that cannot be reached; git's own output stays internal. */
  unreachable(error: unknown): Error {
    if (!(error instanceof GitCommandError)) return error as Error;
    return new ServiceUnavailableError(
      `Git remote ${this.#displayName} unreachable (git ${error.command}: ${
        error.reason
      })`,
    );
  }

  async #exists() {
    try {
      await access(join(this.dir, '.git', 'HEAD'));
      return true;
    } catch {
      return false;
    }
  }

  // Clones into a temporary folder and renames it, so a half-done clone is never used.
  async #clone() {
    await mkdir(this.#clonesDirectory, { recursive: true, mode: 0o700 });
    const tmp = `${this.dir}.tmp-${randomBytes(6).toString('hex')}`;
    try {
      await runGit(
        [
          ...HARDENING,
          'clone',
          '--quiet',
          '--no-checkout',
          '--',
          this.#url,
          tmp,
        ],
        { timeoutMs: this.#networkTimeoutMs },
      );
      await rename(tmp, this.dir).catch(async error => {
        if (!(await this.#exists())) throw error;
      });
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }
}
