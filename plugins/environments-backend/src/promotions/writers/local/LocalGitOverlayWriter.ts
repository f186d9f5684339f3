import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { assertSafeRef } from '../../../gitops/assertSafeRef';
import type { BareClone } from '../../../gitops/local/BareClone';
import type {
  OverlayWriter,
  OverlayWriteRequest,
  OverlayWriteResult,
  WriteStatus,
  WrittenChange,
} from '../types';
import { assertWriteRequest } from '../assertWriteRequest';
import { editOverlay } from '../editOverlay';
import { realTiming } from '../realTiming';
import { retryOnConflict } from '../retryOnConflict';
import type { WriterTiming } from '../WriterTiming';
import { CloneObjects } from './CloneObjects';
import { commitOverlay } from './commitOverlay';
import { findPromotionCommit } from './findPromotionCommit';
import { pushBranch } from './pushBranch';

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
  readonly #objects: CloneObjects;
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
    this.#objects = new CloneObjects(options.clone);
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

  status(written: WrittenChange): Promise<WriteStatus> {
    return this.#serialized(async () => {
      const sha = written.links.commit?.sha;
      if (written.mode !== 'pull-request' || !sha) {
        return { state: 'merged', commitSha: sha };
      }
      assertSafeRef(sha, { what: 'commit' });
      await this.#clone.sync();
      if (await this.#objects.isOnBranch(sha, this.#base)) {
        return { state: 'merged', commitSha: sha };
      }
      const branch = written.links.branch;
      const open = branch && (await this.#objects.tip(assertSafeRef(branch)));
      return open ? { state: 'pending' } : { state: 'closed' };
    });
  }

  async #attempt(request: OverlayWriteRequest): Promise<OverlayWriteResult> {
    await this.#clone.sync();
    const target = request.mode === 'commit' ? this.#base : request.branch;
    const targetTip = await this.#objects.tip(target);
    const previous =
      targetTip && (await findPromotionCommit(this.#objects, target, request));
    if (previous) return this.#result(request, previous, true);
    if (targetTip && request.mode === 'pull-request') {
      await this.#assertBranchReusable(request.branch, targetTip);
    }
    const baseTip = await this.#objects.tip(this.#base);
    if (!baseTip) {
      throw new NotFoundError(
        `Branch ${this.#base} not found in ${this.#displayName}`,
      );
    }
    const overlay = await this.#objects.readOverlay(baseTip, request.path);
    const edited = editOverlay(overlay.content, request);
    if (edited === overlay.content) {
      return { mode: request.mode, links: {}, alreadyWritten: true };
    }
    const sha = await commitOverlay(this.#clone, this.#objects, {
      baseTip,
      request,
      mode: overlay.mode,
      content: edited,
      author: this.#author,
    });
    await this.#beforePush?.();
    await pushBranch(this.#clone, sha, target, targetTip);
    return this.#result(request, sha, false);
  }

  /** A leftover branch may be replaced only when its work reached the base branch. */
  async #assertBranchReusable(branch: string, tip: string) {
    if (!(await this.#objects.isOnBranch(tip, this.#base))) {
      throw new ConflictError(
        `Branch ${branch} of ${
          this.#displayName
        } holds unmerged work of another change; merge or delete it first`,
      );
    }
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
