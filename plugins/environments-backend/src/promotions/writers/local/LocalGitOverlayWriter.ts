import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import type {
  ExecutionMode,
  PromotionLinks,
} from '@stageline/plugin-environments-common';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertSafeRef } from '../../../gitops/assertSafeRef';
import { assertSafeGitUrl } from '../../../gitops/local/assertSafeGitUrl';
import { GitCommandError } from '../../../gitops/local/GitCommandError';
import { redactUrl } from '../../../gitops/local/redactUrl';
import type {
  OverlayWriter,
  OverlayWriteRequest,
  OverlayWriteResult,
  WriteStatus,
} from '../../types';
import { assertWriteRequest } from '../assertWriteRequest';
import { editOverlay } from '../editOverlay';
import { hasPromotionTrailer } from '../hasPromotionTrailer';
import { realTiming } from '../realTiming';
import { retryOnConflict } from '../retryOnConflict';
import { StaleBaseError } from '../StaleBaseError';
import { withPromotionTrailer } from '../withPromotionTrailer';
import type { WriterTiming } from '../WriterTiming';
import { WorkClone } from './WorkClone';

const TRAILER_SEARCH_DEPTH = 50;
const REGULAR_FILE = /^100(644|755) blob ([0-9a-f]{40,64})\t/;
// The branch moved (a conflict to retry); a `[remote rejected]` push was refused by the server.
const PUSH_REJECTED = /\[rejected\]|non-fast-forward|fetch first|stale info/;
const PUSH_REFUSED = /\[remote rejected\][^(\n]*(?:\(([^)\n]*)\))?/;

/**
 * Writes target overlays of a plain Git remote (any URL or path the git CLI reaches) from a
 * work clone. Commit mode commits on the base branch and pushes (a rejected, non-fast-forward
 * push is a conflict: fetch, re-apply, `onConflict`, retry); pull-request mode pushes
 * `request.branch` (with a lease), which the read model shows as in flight until the base
 * branch contains its commit. Plain Git cannot dispatch workflows. Writes of one writer run one
 * at a time (they share the work tree).
 */
export class LocalGitOverlayWriter implements OverlayWriter {
  readonly #clone: WorkClone;
  readonly #displayName: string;
  readonly #base: string;
  readonly #author: { name: string; email: string };
  readonly #timing: WriterTiming;
  readonly #beforePush?: () => Promise<void>;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: {
    url: string;
    /** What messages call the repository (default: the URL without credentials). */
    displayName?: string;
    /** The branch overlays are read from and promoted into. */
    branch: string;
    /** Default: `stageline-git` in the OS temp folder. */
    clonesDirectory?: string;
    /** Default `Stageline <stageline@users.noreply.invalid>`. */
    author?: { name: string; email: string };
    timing?: WriterTiming;
    networkTimeoutMs?: number;
    commandTimeoutMs?: number;
    /** For tests: runs between commit and push, so a test can land a concurrent push. */
    beforePush?: () => Promise<void>;
  }) {
    const url = assertSafeGitUrl(options.url);
    this.#base = assertSafeRef(options.branch, { what: 'branch' });
    this.#displayName = options.displayName ?? redactUrl(url);
    this.#author = options.author ?? {
      name: 'Stageline',
      email: 'stageline@users.noreply.invalid',
    };
    this.#timing = options.timing ?? realTiming;
    this.#beforePush = options.beforePush;
    this.#clone = new WorkClone({
      url,
      displayName: this.#displayName,
      clonesDirectory:
        options.clonesDirectory ?? join(tmpdir(), 'stageline-git'),
      networkTimeoutMs: options.networkTimeoutMs ?? 120_000,
      commandTimeoutMs: options.commandTimeoutMs ?? 15_000,
    });
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
      await this.#clone.fetch();
      if (await this.#isAncestor(sha, this.#remoteRef(this.#base))) {
        return { state: 'merged', commitSha: sha };
      }
      const branch = written.links.branch;
      const open = branch && (await this.#tip(assertSafeRef(branch)));
      return open ? { state: 'pending' } : { state: 'closed' };
    });
  }

  async #attempt(request: OverlayWriteRequest): Promise<OverlayWriteResult> {
    await this.#clone.fetch();
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
    const content = await this.#readOverlay(baseTip, request.path);
    const edited = editOverlay(content, request);
    if (edited === content) {
      return { mode: request.mode, links: {}, alreadyWritten: true };
    }
    const sha = await this.#commit(baseTip, request, edited);
    await this.#beforePush?.();
    await this.#push(target, targetTip);
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

  async #promotionCommit(ref: string, request: OverlayWriteRequest) {
    const output = await this.#clone.git([
      'log',
      `--max-count=${TRAILER_SEARCH_DEPTH}`,
      '--format=%H%x1f%B%x1e',
      this.#remoteRef(ref),
      '--',
    ]);
    const found = output
      .toString('utf8')
      .split('\x1e')
      .map(record => record.replace(/^\n/, '').split('\x1f'))
      .find(([, message]) =>
        hasPromotionTrailer(message ?? '', request.promotionId),
      );
    return found?.[0];
  }

  async #readOverlay(commit: string, path: string): Promise<string> {
    const listing = (
      await this.#clone.git(['ls-tree', '-z', commit, '--', path])
    ).toString('utf8');
    if (!listing) {
      throw new NotFoundError(`${path} not found in ${this.#displayName}`);
    }
    const entry = REGULAR_FILE.exec(listing);
    if (!entry) {
      throw new InputError(
        `'${path}' in ${
          this.#displayName
        } is not a regular file Stageline can write`,
      );
    }
    return (await this.#clone.git(['cat-file', 'blob', entry[2]])).toString(
      'utf8',
    );
  }

  async #commit(
    baseTip: string,
    request: OverlayWriteRequest,
    content: string,
  ): Promise<string> {
    await this.#clone.git([
      'checkout',
      '--quiet',
      '--force',
      '-B',
      'stageline-write',
      baseTip,
    ]);
    await writeFile(
      resolveSafeChildPath(this.#clone.dir, request.path),
      content,
    );
    await this.#clone.git(['add', '--', request.path]);
    await this.#clone.git([
      '-c',
      `user.name=${this.#author.name}`,
      '-c',
      `user.email=${this.#author.email}`,
      'commit',
      '--quiet',
      '--no-verify',
      '-m',
      withPromotionTrailer(request.commitMessage, request.promotionId),
    ]);
    return (await this.#clone.git(['rev-parse', 'HEAD']))
      .toString('utf8')
      .trim();
  }

  /** Pushes HEAD to `branch` only if it still is at `expected` (absent: must not exist). */
  async #push(branch: string, expected: string | undefined) {
    try {
      await this.#clone.network([
        'push',
        `--force-with-lease=refs/heads/${branch}:${expected ?? ''}`,
        'origin',
        `HEAD:refs/heads/${branch}`,
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

  #remoteRef(branch: string) {
    return `refs/remotes/origin/${branch}`;
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
