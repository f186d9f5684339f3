import { ConflictError } from '@backstage/errors';
import type { PromotionLinks } from '@stageline/plugin-environments-common';
import type {
  OverlayWriter,
  OverlayWriteRequest,
  OverlayWriteResult,
  WriteStatus,
  WrittenChange,
} from '../types';

/**
 * An OverlayWriter in memory, for promotion engine tests: records every write, answers a
 * repeated promotion id with `alreadyWritten: true` (as the real writers do), lets a test set
 * the status `status()` reports, make the next writes conflict (after calling `onConflict`, as
 * the real writers do before giving up), or fail with any error.
 */
export class InMemoryOverlayWriter implements OverlayWriter {
  /** Every write that reached the writer, including refused ones, in order. */
  readonly requests: OverlayWriteRequest[] = [];
  /** Writes that landed, by promotion id. */
  readonly written = new Map<string, OverlayWriteResult>();
  /** What `status()` answers, by promotion id; default pending. */
  readonly statuses = new Map<string, WriteStatus>();
  /** Status calls, in order. */
  readonly statusCalls: string[] = [];
  #conflicts = 0;
  #failure?: Error;
  #sequence = 0;

  /** The next `times` writes call `onConflict`, then throw ConflictError. */
  conflictNext(times = 1): void {
    this.#conflicts += times;
  }

  /** The next write throws `error` (e.g. a ServiceUnavailableError). */
  failNext(error: Error): void {
    this.#failure = error;
  }

  setStatus(promotionId: string, status: WriteStatus): void {
    this.statuses.set(promotionId, status);
  }

  async write(request: OverlayWriteRequest): Promise<OverlayWriteResult> {
    this.requests.push(request);
    const previous = this.written.get(request.promotionId);
    if (previous) return { ...previous, alreadyWritten: true };
    if (this.#failure) {
      const failure = this.#failure;
      this.#failure = undefined;
      throw failure;
    }
    if (this.#conflicts > 0) {
      this.#conflicts--;
      await request.onConflict?.();
      throw new ConflictError(
        `${request.path} kept changing while Stageline wrote it`,
      );
    }
    const result = this.#land(request);
    this.written.set(request.promotionId, result);
    return result;
  }

  async status(written: WrittenChange): Promise<WriteStatus> {
    this.statusCalls.push(written.promotionId);
    return this.statuses.get(written.promotionId) ?? { state: 'pending' };
  }

  #land(request: OverlayWriteRequest): OverlayWriteResult {
    const n = ++this.#sequence;
    return {
      mode: request.mode,
      links: linksOf(request, n),
      alreadyWritten: false,
    };
  }
}

function linksOf(request: OverlayWriteRequest, n: number): PromotionLinks {
  const sha = n.toString(16).padStart(40, '0');
  switch (request.mode) {
    case 'pull-request':
      return {
        pullRequest: { number: n, url: `https://git.example/pull/${n}` },
        branch: request.branch,
        commit: { sha },
      };
    case 'commit':
      return { commit: { sha } };
    default:
      return { workflowRun: { id: n, url: `https://git.example/runs/${n}` } };
  }
}
