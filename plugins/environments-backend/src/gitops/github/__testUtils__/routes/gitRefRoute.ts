import { gitRefJson } from '../json/gitRefJson';
import { notFound } from '../notFound';
import type { StandInRoute } from '../StandInRoute';

/** `GET /repos/{owner}/{repo}/git/ref/heads/{branch}`: one branch reference. */
export const gitRefRoute: StandInRoute = {
  method: 'GET',
  openapiPath: '/repos/{owner}/{repo}/git/ref/{ref}',
  pattern: /^\/git\/ref\/(.+)$/,
  handle({ repo, params, urls }) {
    const ref = params[0];
    const sha = ref.startsWith('heads/')
      ? repo.branches.get(ref.slice('heads/'.length))
      : undefined;
    return sha
      ? { status: 200, body: gitRefJson(urls, repo, `refs/${ref}`, sha) }
      : notFound();
  },
};
