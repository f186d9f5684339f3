import { pullRequestJson } from '../json/pullRequestJson';
import { notFound } from '../notFound';
import type { StandInRoute } from '../StandInRoute';

/** `GET /repos/{owner}/{repo}/pulls/{pull_number}`. */
export const pullRoute: StandInRoute = {
  method: 'GET',
  openapiPath: '/repos/{owner}/{repo}/pulls/{pull_number}',
  pattern: /^\/pulls\/(\d+)$/,
  handle({ repo, params, urls }) {
    const pull = repo.pulls.get(Number(params[0]));
    return pull
      ? { status: 200, body: pullRequestJson(urls, repo, pull) }
      : notFound();
  },
};
