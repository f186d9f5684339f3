import { gitRefJson } from '../json/gitRefJson';
import { readJson } from '../readJson';
import type { StandInRoute } from '../StandInRoute';
import { validationFailed } from '../validationFailed';

/** `POST /repos/{owner}/{repo}/git/refs` `{ ref: 'refs/heads/<b>', sha }`: creates a branch. */
export const createGitRefRoute: StandInRoute = {
  method: 'POST',
  openapiPath: '/repos/{owner}/{repo}/git/refs',
  pattern: /^\/git\/refs$/,
  async handle({ repo, request, urls }) {
    const { ref, sha } = await readJson(request);
    if (typeof ref !== 'string' || !ref.startsWith('refs/heads/')) {
      return validationFailed('Reference name must start with refs/heads/');
    }
    if (typeof sha !== 'string' || !repo.commits.has(sha)) {
      return validationFailed('Object does not exist');
    }
    const branch = ref.slice('refs/heads/'.length);
    if (repo.branches.has(branch)) {
      return validationFailed('Reference already exists');
    }
    repo.branches.set(branch, sha);
    return { status: 201, body: gitRefJson(urls, repo, ref, sha) };
  },
};
