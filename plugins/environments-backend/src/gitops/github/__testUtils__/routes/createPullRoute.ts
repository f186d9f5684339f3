import { pullRequestJson } from '../json/pullRequestJson';
import { readJson } from '../readJson';
import type { StandInRoute } from '../StandInRoute';
import { validationFailed } from '../validationFailed';

/** `POST /repos/{owner}/{repo}/pulls` `{ title, head, base, body }`: opens a pull request. */
export const createPullRoute: StandInRoute = {
  method: 'POST',
  openapiPath: '/repos/{owner}/{repo}/pulls',
  pattern: /^\/pulls$/,
  async handle({ model, repo, request, urls }) {
    const { title, head, base, body } = await readJson(request);
    if (typeof title !== 'string' || typeof head !== 'string') {
      return validationFailed('Validation Failed', [
        { resource: 'PullRequest', field: 'title', code: 'missing_field' },
      ]);
    }
    const baseBranch = typeof base === 'string' ? base : repo.defaultBranch;
    if (!repo.branches.has(head)) {
      return validationFailed('Validation Failed', [
        { resource: 'PullRequest', field: 'head', code: 'invalid' },
      ]);
    }
    const open = [...repo.pulls.values()].find(
      p => p.state === 'open' && p.head === head && p.base === baseBranch,
    );
    if (open) {
      return validationFailed('Validation Failed', [
        {
          resource: 'PullRequest',
          code: 'custom',
          message: `A pull request already exists for ${repo.owner}:${head}.`,
        },
      ]);
    }
    if (repo.branches.get(head) === repo.branches.get(baseBranch)) {
      return validationFailed('Validation Failed', [
        {
          resource: 'PullRequest',
          code: 'custom',
          message: `No commits between ${baseBranch} and ${head}`,
        },
      ]);
    }
    const number = model.openPullRequest(repo.fullName, {
      head,
      base: baseBranch,
      title,
      body: typeof body === 'string' ? body : undefined,
      user: 'stageline-bot',
    });
    return {
      status: 201,
      body: pullRequestJson(urls, repo, repo.pulls.get(number)!),
    };
  },
};
