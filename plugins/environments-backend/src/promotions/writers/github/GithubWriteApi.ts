import type { GithubRepositoryOptions } from '../../../gitops/github/GithubRepositoryOptions';
import { GithubActionsApi } from './GithubActionsApi';
import { GithubGitApi } from './GithubGitApi';
import { GithubPullsApi } from './GithubPullsApi';
import { GithubRepository } from './GithubRepository';

/**
 * The GitHub calls of one repository that the overlay writer makes, grouped as GitHub's REST API
 * groups them; errors are `@backstage/errors` except the statuses a caller handles (see
 * GithubRepository).
 */
export class GithubWriteApi {
  readonly displayName: string;
  readonly webUrl: string;
  readonly git: GithubGitApi;
  readonly pulls: GithubPullsApi;
  readonly actions: GithubActionsApi;

  constructor(options: GithubRepositoryOptions) {
    const repository = new GithubRepository(options);
    this.displayName = repository.displayName;
    this.webUrl = repository.webUrl;
    this.git = new GithubGitApi(repository);
    this.pulls = new GithubPullsApi(repository);
    this.actions = new GithubActionsApi(repository);
  }
}
