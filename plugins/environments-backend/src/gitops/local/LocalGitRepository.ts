import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  CommitSummary,
  InFlightChange,
} from '@stageline/plugin-environments-common';
import { assertSafeRef } from '../assertSafeRef';
import { assertSafeRepoPath } from '../assertSafeRepoPath';
import type {
  GitComparison,
  GitFile,
  GitRepository,
  PullRequestSummary,
} from '../types';
import { assertSafeGitUrl } from './assertSafeGitUrl';
import { BareClone } from './BareClone';
import { GitCommandError } from './GitCommandError';
import { gitLog } from './gitLog';
import { parseLsTree, TreeEntry } from './parseLsTree';
import { redactUrl } from './redactUrl';
import { toIsoDate } from './toIsoDate';

// Like the GitHub Contents API: overlay files are small, anything larger is not one.
const MAX_FILE_BYTES = 1024 * 1024;
const UNSUPPORTED_MODES: Record<string, string> = {
  '120000': 'symlink',
  '160000': 'submodule',
  '040000': 'folder',
};

/**
 * A repository on any Git remote the `git` CLI reaches (https, ssh, `user@host:path`,
 * `file://`, an absolute path), read from a cached bare clone (see BareClone). Plain Git has
 * no pull requests: in-flight changes are branches, `getPullRequest` returns undefined.
 */
export class LocalGitRepository implements GitRepository {
  readonly displayName: string;
  readonly webUrl = undefined;
  readonly #clone: BareClone;
  readonly #branch: string;
  readonly #maxCompareCommits: number;

  constructor(options: {
    url: string;
    branch: string;
    /** Default: `stageline-git` in the OS temp folder. */
    clonesDirectory?: string;
    /** How long a fetch is trusted before the next (default 30 s). */
    refreshIntervalMs?: number;
    /** Timeout of clone and fetch (default 120 s). */
    networkTimeoutMs?: number;
    /** Timeout of local git commands (default 15 s). */
    commandTimeoutMs?: number;
    /** Most commits `compare` returns (default 250). */
    maxCompareCommits?: number;
  }) {
    const url = assertSafeGitUrl(options.url);
    this.#branch = assertSafeRef(options.branch, { what: 'branch' });
    this.displayName = redactUrl(url);
    this.#maxCompareCommits = options.maxCompareCommits ?? 250;
    this.#clone = new BareClone({
      url,
      displayName: this.displayName,
      clonesDirectory:
        options.clonesDirectory ?? join(tmpdir(), 'stageline-git'),
      refreshIntervalMs: options.refreshIntervalMs ?? 30_000,
      networkTimeoutMs: options.networkTimeoutMs ?? 120_000,
      commandTimeoutMs: options.commandTimeoutMs ?? 15_000,
    });
  }

  async readFile(path: string): Promise<GitFile | undefined> {
    assertSafeRepoPath(path);
    const slash = path.lastIndexOf('/');
    const entries = await this.#listTree(slash < 0 ? '' : path.slice(0, slash));
    const entry = entries?.find(e => e.name === path.slice(slash + 1));
    if (!entry) return undefined;
    const unsupported =
      UNSUPPORTED_MODES[entry.mode] ??
      (entry.type !== 'blob' ? entry.type : undefined);
    if (unsupported) {
      throw new InputError(
        `'${path}' in ${this.displayName} is a ${unsupported}, an unsupported file type: Stageline reads regular files only`,
      );
    }
    if ((entry.size ?? 0) > MAX_FILE_BYTES) {
      throw new InputError(
        `'${path}' in ${this.displayName} is larger than ${MAX_FILE_BYTES} bytes`,
      );
    }
    const content = await this.#git(['cat-file', 'blob', entry.oid]);
    return { path, content: content.toString('utf8'), blobSha: entry.oid };
  }

  async listFolder(path: string): Promise<string[] | undefined> {
    assertSafeRepoPath(path, { allowRoot: true });
    return (await this.#listTree(path))?.map(e => e.name);
  }

  async getLastCommit(path: string): Promise<CommitSummary | undefined> {
    assertSafeRepoPath(path);
    await this.#clone.ensureFresh();
    try {
      const [commit] = await gitLog(
        args => this.#git(args),
        ['-1', this.#ref, '--', path],
      );
      return commit;
    } catch (error) {
      throw this.#localError(error);
    }
  }

  async listChanges(branchPrefix: string): Promise<InFlightChange[]> {
    assertSafeRef(branchPrefix, { what: 'branch prefix', prefix: true });
    await this.#clone.ensureFresh();
    const output = await this.#git([
      'for-each-ref',
      '--format=%(refname:lstrip=2)%1f%(objectname)%1f%(authorname)%1f%(committerdate:iso-strict)%1f%(contents:subject)%1e',
      'refs/heads/',
    ]);
    return output
      .toString('utf8')
      .split('\x1e')
      .map(line => line.trim().split('\x1f'))
      .filter(
        ([name]) =>
          name && name.startsWith(branchPrefix) && name !== this.#branch,
      )
      .map(([branch, headSha, author, updatedAt, subject]) => ({
        kind: 'branch' as const,
        title: subject,
        branch,
        author,
        updatedAt: toIsoDate(updatedAt),
        headSha,
      }));
  }

  async getPullRequest(
    _number: number,
  ): Promise<PullRequestSummary | undefined> {
    return undefined;
  }

  async compare(from: string, to: string): Promise<GitComparison> {
    assertSafeRef(from, { what: 'commit' });
    assertSafeRef(to, { what: 'commit' });
    await this.#clone.ensureFresh();
    const [fromSha, toSha] = await Promise.all([
      this.#commit(from),
      this.#commit(to),
    ]);
    const commits = await gitLog(
      args => this.#git(args),
      [
        `--max-count=${this.#maxCompareCommits + 1}`,
        `${fromSha}..${toSha}`,
        '--',
      ],
    );
    return {
      commits: commits.slice(0, this.#maxCompareCommits),
      truncated: commits.length > this.#maxCompareCommits,
    };
  }

  get #ref() {
    return `refs/heads/${this.#branch}`;
  }

  /** Entries of a folder at the branch tip; undefined when the folder is absent. */
  async #listTree(dir: string): Promise<TreeEntry[] | undefined> {
    await this.#clone.ensureFresh();
    try {
      return parseLsTree(
        await this.#git(['ls-tree', '-l', '-z', `${this.#ref}:${dir}`]),
      );
    } catch (error) {
      if (!(error instanceof GitCommandError)) throw error;
      if (/not a tree object/.test(error.stderr)) {
        throw new InputError(
          `'${dir}' in ${this.displayName} is not a folder (Stageline does not follow symlinks)`,
        );
      }
      if (
        /Not a valid object name/.test(error.stderr) &&
        (await this.#branchExists())
      ) {
        return undefined;
      }
      throw this.#localError(error);
    }
  }

  async #commit(ref: string): Promise<string> {
    try {
      const out = await this.#git([
        'rev-parse',
        '--verify',
        '--quiet',
        '--end-of-options',
        `${ref}^{commit}`,
      ]);
      return out.toString('utf8').trim();
    } catch (error) {
      if (error instanceof GitCommandError && error.reason === 'exit') {
        throw new NotFoundError(
          `Commit '${ref}' not found in ${this.displayName}`,
        );
      }
      throw this.#localError(error);
    }
  }

  async #branchExists(): Promise<boolean> {
    try {
      await this.#git([
        'rev-parse',
        '--verify',
        '--quiet',
        `${this.#ref}^{commit}`,
      ]);
      return true;
    } catch {
      return false;
    }
  }

  #git(args: string[]) {
    return this.#clone.git(args);
  }

  #localError(error: unknown): Error {
    if (!(error instanceof GitCommandError)) return error as Error;
    if (
      /unknown revision|bad revision|Not a valid object name/.test(error.stderr)
    ) {
      return new NotFoundError(
        `Branch '${this.#branch}' not found in ${this.displayName}`,
      );
    }
    if (error.reason === 'too-large') {
      return new InputError(
        `Output of git ${error.command} in ${this.displayName} is too large`,
      );
    }
    return new ServiceUnavailableError(
      `Reading the clone of ${this.displayName} failed (git ${error.command}: ${error.reason})`,
    );
  }
}
