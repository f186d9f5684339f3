import { InputError, NotFoundError } from '@backstage/errors';
import type { BareClone } from '../../../gitops/local/BareClone';
import { GitCommandError } from '../../../gitops/local/GitCommandError';

const REGULAR_FILE = /^100(644|755) blob ([0-9a-f]{40,64})\t/;

/**
 * Reads branches, trees and files of a remote's bare clone with git plumbing, for the local
 * overlay writer: no work tree, so files are read from trees and blobs.
 */
export class CloneObjects {
  readonly #clone: BareClone;

  constructor(clone: BareClone) {
    this.#clone = clone;
  }

  /** The commit `branch` points at; undefined when it does not exist. */
  async tip(branch: string): Promise<string | undefined> {
    try {
      const out = await this.#clone.git([
        'rev-parse',
        '--verify',
        '--quiet',
        `${remoteRef(branch)}^{commit}`,
      ]);
      return out.toString('utf8').trim();
    } catch {
      return undefined;
    }
  }

  /** Whether `commit` is reachable from `branch`. */
  async isOnBranch(commit: string, branch: string): Promise<boolean> {
    try {
      await this.#clone.git([
        'merge-base',
        '--is-ancestor',
        commit,
        remoteRef(branch),
      ]);
      return true;
    } catch (error) {
      if (error instanceof GitCommandError && error.exitCode === 1)
        return false;
      throw this.#clone.unreachable(error);
    }
  }

  /** The overlay to edit at `commit` with its file mode; refused unless a regular file. */
  async readOverlay(
    commit: string,
    path: string,
  ): Promise<{ content: string; mode: string }> {
    const entry = await this.#treeEntry(commit, path);
    if (entry === 'absent') {
      throw new NotFoundError(
        `${path} not found in ${this.#clone.displayName}`,
      );
    }
    if (entry === 'not-regular') {
      throw new InputError(
        `'${path}' in ${
          this.#clone.displayName
        } is not a regular file Stageline can write`,
      );
    }
    const blob = await this.#clone.git(['cat-file', 'blob', entry.blob]);
    return { content: blob.toString('utf8'), mode: entry.mode };
  }

  /** The content of `path` at `commit`; undefined when absent or not a regular file. */
  async regularFile(commit: string, path: string): Promise<string | undefined> {
    const entry = await this.#treeEntry(commit, path);
    if (typeof entry === 'string') return undefined;
    return (await this.#clone.git(['cat-file', 'blob', entry.blob])).toString(
      'utf8',
    );
  }

  /** Messages of the newest `count` commits on `branch`, newest first. */
  async recentCommits(
    branch: string,
    count: number,
  ): Promise<Array<{ sha: string; message: string }>> {
    const output = await this.#clone.git([
      'log',
      `--max-count=${count}`,
      '--format=%H%x1f%B%x1e',
      remoteRef(branch),
      '--',
    ]);
    return output
      .toString('utf8')
      .split('\x1e')
      .map(record => record.replace(/^\n/, '').split('\x1f'))
      .filter(([sha]) => sha)
      .map(([sha, message]) => ({ sha, message: message ?? '' }));
  }

  /** A commit's parents and the paths it changed. */
  async changes(
    sha: string,
  ): Promise<{ parents: string[]; changedPaths: string[] }> {
    // `rev-list --parents` prints the commit followed by its parents.
    const [, ...parents] = (
      await this.line(['rev-list', '--parents', '-n', '1', sha])
    ).split(' ');
    const changedPaths = (
      await this.#clone.git([
        'diff-tree',
        '--no-commit-id',
        '--no-renames',
        '--name-only',
        '-r',
        '-z',
        sha,
      ])
    )
      .toString('utf8')
      .split('\0')
      .filter(Boolean);
    return { parents, changedPaths };
  }

  /** A local git command's output as one trimmed line. */
  async line(
    args: string[],
    input?: Buffer,
    env?: Record<string, string>,
  ): Promise<string> {
    return (await this.#clone.git(args, { input, env }))
      .toString('utf8')
      .trim();
  }

  async #treeEntry(
    commit: string,
    path: string,
  ): Promise<{ mode: string; blob: string } | 'absent' | 'not-regular'> {
    const listing = (
      await this.#clone.git(['ls-tree', '-z', commit, '--', path])
    ).toString('utf8');
    if (!listing) return 'absent';
    const entry = REGULAR_FILE.exec(listing);
    if (!entry) return 'not-regular';
    return { mode: `100${entry[1]}`, blob: entry[2] };
  }
}

// The clone maps the remote's branches onto its own (see BareClone).
function remoteRef(branch: string) {
  return `refs/heads/${branch}`;
}
