import { pullRequestJson } from '../json/pullRequestJson';
import type { StandInRoute } from '../StandInRoute';
import { paginate } from './paginate';

/** `GET /repos/{owner}/{repo}/pulls?state=&head=&base=&per_page=&page=`, newest first. */
export const pullsRoute: StandInRoute = {
  method: 'GET',
  openapiPath: '/repos/{owner}/{repo}/pulls',
  pattern: /^\/pulls$/,
  handle({ repo, url, urls }) {
    const state = url.searchParams.get('state') ?? 'open';
    const head = url.searchParams.get('head');
    const base = url.searchParams.get('base');
    const pulls = [...repo.pulls.values()]
      .filter(p => state === 'all' || p.state === state)
      .filter(
        p => !head || head === `${p.fromFork ? p.user : repo.owner}:${p.head}`,
      )
      .filter(p => !base || p.base === base)
      .sort((a, b) => b.number - a.number);
    return paginate(
      url,
      pulls.map(p => pullRequestJson(urls, repo, p, { simple: true })),
    );
  },
};
