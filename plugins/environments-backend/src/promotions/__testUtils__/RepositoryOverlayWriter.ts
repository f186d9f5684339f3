import { ConflictError } from '@backstage/errors';
import type { PromotionLinks } from '@stageline/plugin-environments-common';
import { stringify } from 'yaml';
import type { InMemoryGitRepository } from '../../gitops/__testUtils__/InMemoryGitRepository';
import type {
  OverlayWriter,
  OverlayWriteRequest,
  OverlayWriteResult,
  WriteStatus,
} from '../writers/types';

/**
 * An OverlayWriter that lands writes in an InMemoryGitRepository, so the read model sees them,
 * and counts them. Pull requests stay pending until `merge()`.
 */
export class RepositoryOverlayWriter implements OverlayWriter {
  readonly writes: OverlayWriteRequest[] = [];
  readonly #written = new Map<string, OverlayWriteResult>();
  readonly #merged = new Set<string>();
  /** Conflicts to raise (calling onConflict) before a write succeeds. */
  conflicts = 0;
  failWith?: Error;

  constructor(private readonly repo: InMemoryGitRepository) {}

  async write(request: OverlayWriteRequest): Promise<OverlayWriteResult> {
    const earlier = this.#written.get(request.promotionId);
    if (earlier) return { ...earlier, alreadyWritten: true };
    if (this.failWith) throw this.failWith;
    for (let attempt = 0; this.conflicts > 0; attempt++) {
      this.conflicts--;
      if (attempt >= 2) throw new ConflictError('The overlay kept changing');
      await request.onConflict?.();
    }
    this.writes.push(request);
    const links: PromotionLinks =
      request.mode === 'pull-request'
        ? {
            branch: request.branch,
            pullRequest: {
              number: this.writes.length,
              url: 'https://github.example/pr',
            },
          }
        : { commit: { sha: `${this.writes.length}`.padStart(40, '0') } };
    if (request.mode !== 'pull-request') this.#land(request);
    const result = { mode: request.mode, links, alreadyWritten: false };
    this.#written.set(request.promotionId, result);
    return result;
  }

  /** Merges the pull request of a promotion: its overlay lands on the branch. */
  merge(promotionId: string) {
    const request = this.writes.find(w => w.promotionId === promotionId);
    if (!request) throw new Error(`No write of ${promotionId}`);
    this.#land(request);
    this.#merged.add(promotionId);
  }

  async status(written: { promotionId: string }): Promise<WriteStatus> {
    return this.#merged.has(written.promotionId) ||
      this.writes.find(w => w.promotionId === written.promotionId)?.mode !==
        'pull-request'
      ? { state: 'merged' }
      : { state: 'pending' };
  }

  #land(request: OverlayWriteRequest) {
    this.repo.files.set(
      request.path,
      stringify({
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        images: [
          {
            name: request.imageName,
            newTag: request.image.tag,
            digest: request.image.digest,
          },
        ],
      }),
    );
  }
}
