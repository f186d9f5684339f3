import type { GithubModel } from '../GithubModel';
import type { ModelCommit, ModelRepo } from '../modelTypes';

/**
 * A ref as the Git data and archive routes accept it: a branch name (also as `heads/<name>` or
 * `refs/heads/<name>`, which GitHub accepts there) or a commit SHA (full or at least 7 characters).
 */
export function resolveCommit(
  model: GithubModel,
  repo: ModelRepo,
  ref: string,
): ModelCommit | undefined {
  return (
    model.resolve(repo, ref) ??
    model.resolve(repo, ref.replace(/^(refs\/)?heads\//, ''))
  );
}
