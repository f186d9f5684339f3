import { comparisonJson } from '../json/comparisonJson';
import { notFound } from '../notFound';
import type { StandInRoute } from '../StandInRoute';

/**
 * `GET /repos/{owner}/{repo}/compare/{base}...{head}`: commits reachable from head and not from
 * base, oldest first, capped like GitHub's first page (`compareLimit`, default 250).
 */
export function compareRoute(
  options: { compareLimit?: number } = {},
): StandInRoute {
  return {
    method: 'GET',
    openapiPath: '/repos/{owner}/{repo}/compare/{basehead}',
    pattern: /^\/compare\/(.+)$/,
    handle({ model, repo, params, urls }) {
      const basehead = params[0];
      const [baseRef, headRef, extra] = basehead.split('...');
      if (!headRef || extra !== undefined) return notFound();
      const base = model.resolve(repo, baseRef);
      const head = model.resolve(repo, headRef);
      if (!base || !head) return notFound();
      const fromBase = model.ancestors(repo, base.sha);
      const fromHead = model.ancestors(repo, head.sha);
      const baseShas = new Set(fromBase.map(c => c.sha));
      const headShas = new Set(fromHead.map(c => c.sha));
      return {
        status: 200,
        body: comparisonJson(urls, repo, {
          basehead,
          base,
          mergeBase: fromHead.find(c => baseShas.has(c.sha)) ?? base,
          ahead: fromHead.filter(c => !baseShas.has(c.sha)).reverse(),
          behindBy: fromBase.filter(c => !headShas.has(c.sha)).length,
          limit: options.compareLimit ?? 250,
        }),
      };
    },
  };
}
