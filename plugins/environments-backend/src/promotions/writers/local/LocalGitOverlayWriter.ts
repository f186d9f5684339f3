import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import type {
  ExecutionMode,
  PromotionLinks,
} from '@stageline/plugin-environments-common';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { assertSafeRef } from '../../../gitops/assertSafeRef';
import { assertSafeRepoPath } from '../../../gitops/assertSafeRepoPath';
import type { BareClone } from '../../../gitops/local/BareClone';
import { GitCommandError } from '../../../gitops/local/GitCommandError';
import type {
  OverlayWriter,
  OverlayWriteRequest,
  OverlayWriteResult,
  WriteStatus,
} from '../../types';
import { assertWriteRequest } from '../assertWriteRequest';
import { editOverlay } from '../editOverlay';
import { hasPromotionTrailer } from '../hasPromotionTrailer';
import { changesOnlyTheOverlay, isPromotionWrite } from '../isPromotionWrite';
import { realTiming } from '../realTiming';
import { retryOnConflict } from '../retryOnConflict';
import { StaleBaseError } from '../StaleBaseError';
import { withPromotionTrailer } from '../withPromotionTrailer';
import type { WriterTiming } from '../WriterTiming';

const TRAILER_SEARCH_DEPTH = 50;
const REGULAR_FILE = /^100(644|755) blob ([0-9a-f]{40,64})\t/;
// The branch moved (a conflict to retry); a `[remote rejected]` push was refused by the server.
const PUSH_REJECTED = /\[rejected\]|non-fast-forward|fetch first|stale info/;
const PUSH_REFUSED = /\[remote rejected\][^(\n]*(?:\(([^)\n]*)\))?/;

/**
 * Writes target overlays of a plain Git remote (any URL or path the git CLI reaches) from the
 * remote's one bare clone (see BareClone), without a work tree: the edited overlay becomes a
 * blob, a private index turns it into a tree, `commit-tree` into a commit. Commit mode commits on the base branch and pushes (a rejected, non-fast-forward
 * push is a conflict: fetch, re-apply, `onConflict`, retry); pull-request mode pushes
 * `request.branch` (with a lease), which the read model shows as in flight until the base
 * branch contains its commit. Plain Git cannot dispatch workflows. Writes of one writer run one
 * at a time.
 */
export class LocalGitOverlayWriter implements OverlayWriter {
  readonly #clone: BareClone;
  readonly #displayName: string;
  readonly #base: string;
  readonly #author: { name: string; email: string };
  readonly #timing: WriterTiming;
  readonly #beforePush?: () => Promise<void>;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: {
    /** The remote's one local clone, shared with its snapshot reader. */
    clone: BareClone;
    /** The branch overlays are read from and promoted into. */
    branch: string;
    /** Default `Stageline <stageline@users.noreply.invalid>`. */
    author?: { name: string; email: string };
    timing?: WriterTiming;
    /** For tests: runs between commit and push, so a test can land a concurrent push. */
    beforePush?: () => Promise<void>;
  }) {
    this.#clone = options.clone;
    this.#base = assertSafeRef(options.branch, { what: 'branch' });
    this.#displayName = options.clone.displayName;
    this.#author = options.author ?? {
      name: 'Stageline',
      email: 'stageline@users.noreply.invalid',
    };
    this.#timing = options.timing ?? realTiming;
    this.#beforePush = options.beforePush;
  }

  write(request: OverlayWriteRequest): Promise<OverlayWriteResult> {
    assertWriteRequest(request);
    if (request.mode === 'workflow-dispatch') {
      return Promise.reject(
        new InputError(
          `workflow-dispatch needs GitHub; ${
            this.#displayName
          } is a plain Git remote: use commit or pull-request mode`,
        ),
      );
    }
    return this.#serialized(() =>
      retryOnConflict(() => this.#attempt(request), {
        what: `${request.path} in ${this.#displayName}`,
        timing: this.#timing,
        onConflict: request.onConflict,
      }),
    );
  }

  status(written: {
    promotionId: string;
    mode: ExecutionMode;
    links: PromotionLinks;
  }): Promise<WriteStatus> {
    return this.#serialized(async () => {
      const sha = written.links.commit?.sha;
      if (written.mode !== 'pull-request' || !sha) {
        return { state: 'merged', commitSha: sha };
      }
      assertSafeRef(sha, { what: 'commit' });
      await this.#clone.sync();
      if (await this.#isAncestor(sha, this.#remoteRef(this.#base))) {
        return { state: 'merged', commitSha: sha };
      }
      const branch = written.links.branch;
      const open = branch && (await this.#tip(assertSafeRef(branch)));
      return open ? { state: 'pending' } : { state: 'closed' };
    });
  }

  async #attempt(request: OverlayWriteRequest): Promise<OverlayWriteResult> {
    await this.#clone.sync();
    const target = request.mode === 'commit' ? this.#base : request.branch;
    const targetTip = await this.#tip(target);
    const previous =
      targetTip && (await this.#promotionCommit(target, request));
    if (previous) return this.#result(request, previous, true);
    if (targetTip && request.mode === 'pull-request') {
      await this.#assertBranchReusable(request.branch, targetTip);
    }
    const baseTip = await this.#tip(this.#base);
    if (!baseTip) {
      throw new NotFoundError(
        `Branch ${this.#base} not found in ${this.#displayName}`,
      );
    }
    const overlay = await this.#readOverlay(baseTip, request.path);
    const edited = editOverlay(overlay.content, request);
    if (edited === overlay.content) {
      return { mode: request.mode, links: {}, alreadyWritten: true };
    }
    const sha = await this.#commit(baseTip, request, overlay.mode, edited);
    await this.#beforePush?.();
    await this.#push(sha, target, targetTip);
    return this.#result(request, sha, false);
  }

  /** A leftover branch may be replaced only when its work reached the base branch. */
  async #assertBranchReusable(branch: string, tip: string) {
    if (!(await this.#isAncestor(tip, this.#remoteRef(this.#base)))) {
      throw new ConflictError(
        `Branch ${branch} of ${
          this.#displayName
        } holds unmerged work of another change; merge or delete it first`,
      );
    }
  }

  /**
   * The newest recent commit on `ref` that is the promotion's write: the trailer and exactly its
   * edit (see isPromotionWrite). A commit with the trailer but another change is ignored.
   */
  async #promotionCommit(
    ref: string,
    request: OverlayWriteRequest,
  ): Promise<string | undefined> {
    const output = await this.#clone.git([
      'log',
      `--max-count=${TRAILER_SEARCH_DEPTH}`,
      '--format=%H%x1f%B%x1e',
      this.#remoteRef(ref),
      '--',
    ]);
    const candidates = output
      .toString('utf8')
      .split('\x1e')
      .map(record => record.replace(/^\n/, '').split('\x1f'))
      .filter(
        ([sha, message]) =>
          sha && hasPromotionTrailer(message ?? '', request.promotionId),
      )
      .map(([sha]) => sha);
    for (const sha of candidates) {
      if (await this.#isPromotionWrite(sha, request)) return sha;
    }
    return undefined;
  }

  async #isPromotionWrite(
    sha: string,
    request: OverlayWriteRequest,
  ): Promise<boolean> {
    // `rev-list --parents` prints the commit followed by its parents.
    const [, ...parents] = (
      await this.#line(['rev-list', '--parents', '-n', '1', sha])
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
    const commit = { parents, changedPaths };
    if (!changesOnlyTheOverlay(request, commit)) return false;
    return isPromotionWrite(request, {
      ...commit,
      overlayAtParent: await this.#regularFile(parents[0], request.path),
      overlayAtCommit: await this.#regularFile(sha, request.path),
    });
  }

  async #readOverlay(
    commit: string,
    path: string,
  ): Promise<{ content: string; mode: string }> {
    const entry = await this.#treeEntry(commit, path);
    if (entry === 'absent') {
      throw new NotFoundError(`${path} not found in ${this.#displayName}`);
    }
    if (entry === 'not-regular') {
      throw new InputError(
        `'${path}' in ${
          this.#displayName
        } is not a regular file Stageline can write`,
      );
    }
    const blob = await this.#clone.git(['cat-file', 'blob', entry.blob]);
    return { content: blob.toString('utf8'), mode: entry.mode };
  }

  /** The content of `path` at `commit`; undefined when absent or not a regular file. */
  async #regularFile(
    commit: string,
    path: string,
  ): Promise<string | undefined> {
    const entry = await this.#treeEntry(commit, path);
    if (typeof entry === 'string') return undefined;
    return (await this.#clone.git(['cat-file', 'blob', entry.blob])).toString(
      'utf8',
    );
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

  /**
   * Commits `content` at `path` on top of `baseTip` without a work tree: a private index
   * (removed afterwards) holds the base tree plus the new blob.
   */
  async #commit(
    baseTip: string,
    request: OverlayWriteRequest,
    mode: string,
    content: string,
  ): Promise<string> {
    const path = assertSafeRepoPath(request.path);
    const index = join(
      this.#clone.dir,
      `stageline-index-${randomBytes(6).toString('hex')}`,
    );
    const env = { GIT_INDEX_FILE: index };
    try {
      const blob = await this.#line(
        ['hash-object', '-w', '--stdin'],
        Buffer.from(content, 'utf8'),
      );
      await this.#clone.git(['read-tree', baseTip], { env });
      await this.#clone.git(
        ['update-index', '--cacheinfo', `${mode},${blob},${path}`],
        { env },
      );
      const tree = await this.#line(['write-tree'], undefined, env);
      return await this.#line(
        [
          '-c',
          `user.name=${this.#author.name}`,
          '-c',
          `user.email=${this.#author.email}`,
          'commit-tree',
          '--no-gpg-sign',
          tree,
          '-p',
          baseTip,
          '-F',
          '-',
        ],
        Buffer.from(
          withPromotionTrailer(request.commitMessage, request.promotionId),
          'utf8',
        ),
      );
    } finally {
      await rm(index, { force: true });
    }
  }

  async #line(
    args: string[],
    input?: Buffer,
    env?: Record<string, string>,
  ): Promise<string> {
    return (await this.#clone.git(args, { input, env }))
      .toString('utf8')
      .trim();
  }

  /** Pushes `commit` to `branch` only if it still is at `expected` (absent: must not exist). */
  async #push(commit: string, branch: string, expected: string | undefined) {
    try {
      await this.#clone.network([
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
        if (refused) throw this.#refused(branch, output, refused[1]);
        if (PUSH_REJECTED.test(output)) {
          throw new StaleBaseError(`${branch} moved`);
        }
      }
      throw this.#clone.unreachable(error);
    }
  }

  /**
   * A push the server refused (a pre-receive hook, a protected branch) is not a conflict:
   * retrying cannot help. The message carries what the server said (`remote:` lines).
   */
  #refused(branch: string, output: string, reason?: string) {
    const said = output
      .split('\n')
      .filter(line => line.startsWith('remote:'))
      .map(line => line.slice('remote:'.length).trim())
      // eslint-disable-next-line no-control-regex
      .map(line => line.replace(/[\u0000-\u001f\u007f]/g, ''))
      .filter(Boolean)
      .join(' ')
      .slice(0, 500);
    const why = [said, reason].filter(Boolean).join('; ');
    return new NotAllowedError(
      `${this.#displayName} refused the push to ${branch}${
        why ? `: ${why}` : ''
      }`,
    );
  }

  async #tip(branch: string): Promise<string | undefined> {
    try {
      const out = await this.#clone.git([
        'rev-parse',
        '--verify',
        '--quiet',
        `${this.#remoteRef(branch)}^{commit}`,
      ]);
      return out.toString('utf8').trim();
    } catch {
      return undefined;
    }
  }

  async #isAncestor(commit: string, of: string): Promise<boolean> {
    try {
      await this.#clone.git(['merge-base', '--is-ancestor', commit, of]);
      return true;
    } catch (error) {
      if (error instanceof GitCommandError && error.exitCode === 1)
        return false;
      throw this.#clone.unreachable(error);
    }
  }

  // The clone maps the remote's branches onto its own (see BareClone).
  #remoteRef(branch: string) {
    return `refs/heads/${branch}`;
  }

  #result(
    request: OverlayWriteRequest,
    sha: string,
    alreadyWritten: boolean,
  ): OverlayWriteResult {
    return {
      mode: request.mode,
      links: {
        commit: { sha },
        ...(request.mode === 'pull-request' && { branch: request.branch }),
      },
      alreadyWritten,
    };
  }

  #serialized<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}
