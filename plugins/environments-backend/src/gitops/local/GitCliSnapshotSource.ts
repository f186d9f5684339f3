import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { InFlightChange } from '@stageline/plugin-environments-common';
import { assertSafeRef } from '../assertSafeRef';
import type { HeadState, SnapshotSource } from '../snapshot/SnapshotSource';
import type { GitComparison, PullRequestSummary, TreeEntry } from '../types';
import type { BareClone } from './BareClone';
import { GitCommandError } from './GitCommandError';
import { gitLog } from './gitLog';
import { parseCatFileBatch } from './parseCatFileBatch';
import { parseLsTree } from './parseLsTree';
import { toIsoDate } from './toIsoDate';

// A whole tree listing or a batch of blobs can be large; the clone is local, so allow more.
const MAX_BATCH_BYTES = 256 * 1024 * 1024;
const REF_FORMAT =
  '--format=%(refname:lstrip=2)%1f%(objectname)%1f%(authorname)%1f%(committerdate:iso-strict)%1f%(contents:subject)%1e';

/**
 * A repository on any Git remote the `git` CLI reaches (https, ssh, `user@host:path`,
 * `file://`, an absolute path), read from a bare clone (see BareClone): a head check is one
 * `git fetch` and one `for-each-ref`, a new head one `ls-tree -r` and one `cat-file --batch`.
 * Plain Git has no pull requests: in-flight changes are branches.
 */
export class GitCliSnapshotSource implements SnapshotSource {
  readonly displayName: string;
  readonly webUrl = undefined;
  readonly #clone: BareClone;
  readonly #branch: string;
  readonly #maxCompareCommits: number;

  constructor(options: {
    /** The remote's one local clone, shared with its overlay writer. */
    clone: BareClone;
    branch: string;
    /** Most commits `compare` returns (default 250). */
    maxCompareCommits?: number;
  }) {
    this.#clone = options.clone;
    this.#branch = assertSafeRef(options.branch, { what: 'branch' });
    this.displayName = options.clone.displayName;
    this.#maxCompareCommits = options.maxCompareCommits ?? 250;
  }

  async readHead(): Promise<HeadState> {
    await this.#clone.sync();
    const output = await this.#git(['for-each-ref', REF_FORMAT, 'refs/heads/']);
    let commitSha: string | undefined;
    const changes: InFlightChange[] = [];
    for (const record of output.toString('utf8').split('\x1e')) {
      const [name, sha, author, updatedAt, subject] = record
        .trim()
        .split('\x1f');
      if (!name) continue;
      if (name === this.#branch) {
        commitSha = sha;
        continue;
      }
      changes.push({
        kind: 'branch',
        title: subject,
        branch: name,
        author,
        updatedAt: toIsoDate(updatedAt),
        headSha: sha,
      });
    }
    if (!commitSha) {
      throw new NotFoundError(
        `Branch '${this.#branch}' not found in ${this.displayName}`,
      );
    }
    return { commitSha, changes };
  }

  async readTree(commitSha: string): Promise<TreeEntry[]> {
    assertSafeRef(commitSha, { what: 'commit' });
    const output = await this.#git(
      ['ls-tree', '-r', '-t', '-l', '-z', '--end-of-options', commitSha],
      MAX_BATCH_BYTES,
    );
    return parseLsTree(output).map(e => ({
      path: e.name,
      mode: e.mode,
      type: e.type,
      sha: e.oid,
      size: e.size,
    }));
  }

  async readBlobs(
    _commitSha: string,
    files: TreeEntry[],
  ): Promise<Map<string, Buffer>> {
    if (!files.length) return new Map();
    const input = Buffer.from(files.map(f => `${f.sha}\n`).join(''), 'utf8');
    const output = await this.#git(
      ['cat-file', '--batch'],
      MAX_BATCH_BYTES,
      input,
    );
    return parseCatFileBatch(output);
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

  async #commit(ref: string): Promise<string> {
    try {
      const out = await this.#clone.git([
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

  async #git(args: string[], maxBytes?: number, input?: Buffer) {
    try {
      return await this.#clone.git(args, { maxBytes, input });
    } catch (error) {
      throw this.#localError(error);
    }
  }

  #localError(error: unknown): Error {
    if (!(error instanceof GitCommandError)) return error as Error;
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
