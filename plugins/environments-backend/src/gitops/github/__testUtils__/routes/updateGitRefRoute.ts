import type { GithubModel } from '../GithubModel';
import { gitRefJson } from '../json/gitRefJson';
import { readJson } from '../readJson';
import type { StandInRoute } from '../StandInRoute';
import { validationFailed } from '../validationFailed';

/**
 * `PATCH /repos/{owner}/{repo}/git/refs/heads/{branch}` `{ sha, force }`: moves a branch;
 * without `force` only forward, as on GitHub.
 */
export const updateGitRefRoute: StandInRoute = {
  method: 'PATCH',
  openapiPath: '/repos/{owner}/{repo}/git/refs/{ref}',
  pattern: /^\/git\/refs\/(.+)$/,
  async handle({ model, repo, params, request, urls }) {
    const { sha, force } = await readJson(request);
    const ref = params[0];
    const branch = ref.startsWith('heads/')
      ? ref.slice('heads/'.length)
      : undefined;
    const current = branch && repo.branches.get(branch);
    if (!branch || !current) {
      return validationFailed('Reference does not exist');
    }
    if (typeof sha !== 'string' || !repo.commits.has(sha)) {
      return validationFailed('Object does not exist');
    }
    if (force !== true && !isAncestor(model, repo, current, sha)) {
      return validationFailed('Update is not a fast forward');
    }
    repo.branches.set(branch, sha);
    return { status: 200, body: gitRefJson(urls, repo, `refs/${ref}`, sha) };
  },
};

function isAncestor(
  model: GithubModel,
  repo: Parameters<GithubModel['ancestors']>[0],
  ancestor: string,
  of: string,
) {
  return model.ancestors(repo, of).some(c => c.sha === ancestor);
}
