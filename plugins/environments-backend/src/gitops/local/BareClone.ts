import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { SingleFlight } from '../SingleFlight';
import { assertSafeGitUrl } from './assertSafeGitUrl';
import { GitCommandError } from './GitCommandError';
import { runGit } from './runGit';

// Repository configuration cannot run anything: no hooks, no fsmonitor command, no signing
// program.
const HARDENING = [
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'core.fsmonitor=false',
  '-c',
  'commit.gpgsign=false',
];

/**
 * The one local clone of a remote, for reads and writes alike: bare, under `clonesDirectory`,
 * named by a hash of the URL, with the remote's branches mapped onto its own
 * (`refs/heads/*`), kept fresh with `git fetch --prune` at most once per `refreshIntervalMs`.
 * Concurrent callers share one clone or fetch; a failed one is remembered for the interval so
 * page views fail fast. Writers commit into it without a work tree and push from it.
 */
export class BareClone {
  readonly dir: string;
  readonly displayName: string;
  readonly #url: string;
  readonly #clonesDirectory: string;
  readonly #refreshIntervalMs: number;
  readonly #networkTimeoutMs: number;
  readonly #commandTimeoutMs: number;
  readonly #flight = new SingleFlight<void>();
  #syncedAt?: number;
  #failure?: { at: number; error: Error };

  constructor(options: {
    url: string;
    /** What messages call the remote: never the URL, which may be a path or hold credentials. */
    displayName: string;
    clonesDirectory: string;
    /** How long a fetch is trusted (default 30 s). */
    refreshIntervalMs?: number;
    /** Timeout of clone, fetch and push (default 120 s). */
    networkTimeoutMs?: number;
    /** Timeout of local git commands (default 15 s). */
    commandTimeoutMs?: number;
  }) {
    this.#url = assertSafeGitUrl(options.url);
    this.displayName = options.displayName;
    this.#clonesDirectory = options.clonesDirectory;
    this.#refreshIntervalMs = options.refreshIntervalMs ?? 30_000;
    this.#networkTimeoutMs = options.networkTimeoutMs ?? 120_000;
    this.#commandTimeoutMs = options.commandTimeoutMs ?? 15_000;
    const hash = createHash('sha256').update(options.url).digest('hex');
    this.dir = join(options.clonesDirectory, `${hash.slice(0, 32)}.git`);
  }

  /** Clones or fetches unless the clone is fresher than the refresh interval. */
  async ensureFresh(): Promise<void> {
    const now = Date.now();
    if (
      this.#syncedAt !== undefined &&
      now - this.#syncedAt < this.#refreshIntervalMs
    ) {
      return;
    }
    if (this.#failure && now - this.#failure.at < this.#refreshIntervalMs) {
      throw this.#failure.error;
    }
    await this.#flight.run('sync', async () => {
      try {
        await ((await this.#exists()) ? this.#fetch() : this.#clone());
        this.#syncedAt = Date.now();
        this.#failure = undefined;
      } catch (error) {
        const mapped = this.#networkError(error);
        this.#failure = { at: Date.now(), error: mapped };
        throw mapped;
      }
    });
  }

  /** Clones or fetches now, whatever the refresh interval (a head check). */
  async sync(): Promise<void> {
    this.#syncedAt = undefined;
    this.#failure = undefined;
    await this.ensureFresh();
  }

  /** Runs a local (no network) git command in the clone. */
  git(
    args: string[],
    options: {
      maxBytes?: number;
      input?: Buffer;
      env?: Record<string, string>;
    } = {},
  ): Promise<Buffer> {
    return runGit([...HARDENING, ...args], {
      cwd: this.dir,
      timeoutMs: this.#commandTimeoutMs,
      ...options,
    });
  }

  /** Runs a git command that talks to the remote (a push), with the network timeout. */
  network(args: string[]): Promise<Buffer> {
    return runGit([...HARDENING, ...args], {
      cwd: this.dir,
      timeoutMs: this.#networkTimeoutMs,
    });
  }

  /** The error for a remote that cannot be reached; git's own output stays internal. */
  unreachable(error: unknown): Error {
    return this.#networkError(error);
  }

  async #exists() {
    try {
      await access(join(this.dir, 'HEAD'));
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
        [...HARDENING, 'clone', '--bare', '--quiet', '--', this.#url, tmp],
        { timeoutMs: this.#networkTimeoutMs },
      );
      // A bare clone has no fetch refspec; map remote branches onto local ones for fetches.
      await runGit(
        ['config', 'remote.origin.fetch', '+refs/heads/*:refs/heads/*'],
        { cwd: tmp, timeoutMs: this.#commandTimeoutMs },
      );
      await rename(tmp, this.dir).catch(async error => {
        // Another process finished first: use its clone.
        if (!(await this.#exists())) throw error;
      });
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }

  async #fetch() {
    await this.network(['fetch', '--prune', '--quiet', 'origin']);
  }

  #networkError(error: unknown): Error {
    const name = this.displayName;
    if (!(error instanceof GitCommandError)) {
      return new ServiceUnavailableError(
        `Could not prepare a clone of ${name}`,
      );
    }
    if (error.reason === 'timeout') {
      return new ServiceUnavailableError(
        `Fetching ${name} timed out after ${Math.round(
          this.#networkTimeoutMs / 1000,
        )} s`,
      );
    }
    if (
      /terminal prompts disabled|could not read (username|password)|authentication failed|permission denied|host key verification failed/i.test(
        error.stderr,
      )
    ) {
      return new ServiceUnavailableError(
        `Git remote ${name} needs credentials the backend does not have (prompts are disabled)`,
      );
    }
    if (
      /does not appear to be a git repository|repository .* not found|does not exist/i.test(
        error.stderr,
      )
    ) {
      return new NotFoundError(`Git repository ${name} not found`);
    }
    return new ServiceUnavailableError(`Git remote ${name} unreachable`);
  }
}
