import type {
  ExecutionMode,
  ImageReference,
  PromotionLinks,
} from '@stageline/plugin-environments-common';
import type { AllowedRepository } from '../../gitops/types';

/** What an overlay write must produce: exactly this image in one kustomization. */
export type OverlayWriteRequest = {
  /** Recorded in the commit (trailer `Stageline-Promotion: <id>`) so a retried write is found, not repeated. */
  promotionId: string;
  service: string;
  environment: string;
  /** Path of the target `kustomization.yaml` in the repository. */
  path: string;
  /** `images[].name` of the entry to change. */
  imageName: string;
  /** newName (when it differs from imageName), newTag and digest to write. */
  image: ImageReference;
  mode: ExecutionMode;
  autoMerge: boolean;
  workflow?: { file: string; ref: string };
  /** Branch for pull-request mode: `stageline/<service>/<environment>`. */
  branch: string;
  title: string;
  /** Pull request body (markdown). */
  body: string;
  /** Full commit message (subject, body, trailers). */
  commitMessage: string;
  /**
   * Called after a conflict (the overlay or branch moved under us), before the retry. Throwing
   * (e.g. a gate no longer passes) ends the write with that error.
   */
  onConflict?: () => Promise<void>;
};

/** Where a write landed. */
export type OverlayWriteResult = {
  mode: ExecutionMode;
  links: PromotionLinks;
  /** True when a previous attempt had already written it (found by the promotion trailer). */
  alreadyWritten: boolean;
};

/**
 * A write as the promotion's record keeps it, to ask whether it landed. `autoMerge` comes from
 * the record, so a pull request is merged only when the promotion asked for it at request time.
 */
export type WrittenChange = {
  promotionId: string;
  mode: ExecutionMode;
  links: PromotionLinks;
  autoMerge?: boolean;
};

/** State of a written change, as the background task polls it. */
export type WriteStatus =
  | { state: 'pending' }
  | { state: 'merged'; commitSha?: string }
  | { state: 'closed' }
  | { state: 'failed'; reason: string };

/**
 * Writes target overlays of one GitOps repository. Every write carries the expected base (blob
 * or commit SHA); on a conflict it re-reads, calls `onConflict`, and retries a bounded number of
 * times with backoff, then throws ConflictError. Rate limits are retried with backoff within a
 * bound, then ServiceUnavailableError. A write whose promotion trailer is already on the branch
 * (or whose pull request exists) is not repeated.
 */
export interface OverlayWriter {
  write(request: OverlayWriteRequest): Promise<OverlayWriteResult>;
  /** Whether what `write` produced has landed: PR merged or closed, workflow run finished. */
  status(written: WrittenChange): Promise<WriteStatus>;
}

/** Finds the OverlayWriter of a GitOps repository config allows. */
export interface OverlayWriterResolver {
  resolve(repository: AllowedRepository): OverlayWriter;
}
