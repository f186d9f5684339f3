import { notFound } from '../notFound';
import { readJson } from '../readJson';
import type { StandInRoute } from '../StandInRoute';

/**
 * `PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge` `{ sha }`: 405 when the pull request is
 * closed or not mergeable yet, 409 when `sha` is not its head any more, as on GitHub.
 */
export const mergePullRoute: StandInRoute = {
  method: 'PUT',
  openapiPath: '/repos/{owner}/{repo}/pulls/{pull_number}/merge',
  pattern: /^\/pulls\/(\d+)\/merge$/,
  async handle({ model, repo, params, request }) {
    const pull = repo.pulls.get(Number(params[0]));
    if (!pull) return notFound();
    const { sha } = await readJson(request);
    if (pull.state !== 'open' || pull.mergeable === false) {
      return {
        status: 405,
        body: {
          message: 'Pull Request is not mergeable',
          documentation_url:
            'https://docs.github.com/rest/pulls/pulls#merge-a-pull-request',
        },
      };
    }
    if (sha !== undefined && sha !== pull.headSha) {
      return {
        status: 409,
        body: {
          message: 'Head branch was modified. Review and try the merge again.',
          documentation_url:
            'https://docs.github.com/rest/pulls/pulls#merge-a-pull-request',
        },
      };
    }
    const merged = model.mergePullRequest(repo.fullName, pull.number, {
      user: 'stageline-bot',
    });
    return {
      status: 200,
      body: {
        sha: merged,
        merged: true,
        message: 'Pull Request successfully merged',
      },
    };
  },
};
