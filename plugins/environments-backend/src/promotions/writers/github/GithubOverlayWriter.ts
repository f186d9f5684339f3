import { assertSafeRef } from '../../../gitops/assertSafeRef';
import type { GithubRepositoryOptions } from '../../../gitops/github/GithubRepositoryOptions';
import type {
  OverlayWriter,
  OverlayWriteRequest,
  OverlayWriteResult,
  WriteStatus,
  WrittenChange,
} from '../types';
import { assertWriteRequest } from '../assertWriteRequest';
import { realTiming } from '../realTiming';
import type { WriterTiming } from '../WriterTiming';
import { dispatchWorkflow } from './dispatchWorkflow';
import { githubWriteStatus } from './githubWriteStatus';
import { GithubWriteApi } from './GithubWriteApi';
import { writeDirectCommit } from './writeDirectCommit';
import { writePullRequest } from './writePullRequest';

/**
 * Writes target overlays of one GitHub repository: a direct commit, a pull request (optionally
 * merged), or a `workflow_dispatch`. See the mode functions for the concurrency and idempotency
 * rules; createGithubClient for rate limits and toGithubError for errors.
 */
export class GithubOverlayWriter implements OverlayWriter {
  readonly #api: GithubWriteApi;
  readonly #base: string;
  readonly #timing: WriterTiming;

  constructor(
    options: GithubRepositoryOptions & {
      /** The branch overlays are read from and promoted into. */
      branch: string;
      timing?: WriterTiming;
    },
  ) {
    this.#base = assertSafeRef(options.branch, { what: 'branch' });
    this.#timing = options.timing ?? realTiming;
    const { client, host, owner, repo } = options;
    this.#api = new GithubWriteApi({ client, host, owner, repo });
  }

  async write(request: OverlayWriteRequest): Promise<OverlayWriteResult> {
    assertWriteRequest(request);
    const options = { base: this.#base, timing: this.#timing };
    switch (request.mode) {
      case 'commit':
        return writeDirectCommit(this.#api, request, options);
      case 'pull-request':
        return writePullRequest(this.#api, request, options);
      default:
        return dispatchWorkflow(this.#api, request);
    }
  }

  status(written: WrittenChange): Promise<WriteStatus> {
    return githubWriteStatus(this.#api, written);
  }
}
