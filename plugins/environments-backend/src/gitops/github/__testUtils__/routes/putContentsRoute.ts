import { blobSha } from '../blobSha';
import { fileCommitJson } from '../json/fileCommitJson';
import { notFound } from '../notFound';
import { readJson } from '../readJson';
import type { StandInRoute } from '../StandInRoute';
import { validationFailed } from '../validationFailed';

/**
 * `PUT /repos/{owner}/{repo}/contents/{path}` `{ message, content, sha, branch }`: commits one
 * file. Like GitHub: updating needs the current blob `sha` (absent: 422; stale: 409 "does not
 * match"); 200 for an update, 201 for a new file.
 */
export const putContentsRoute: StandInRoute = {
  method: 'PUT',
  openapiPath: '/repos/{owner}/{repo}/contents/{path}',
  pattern: /^\/contents\/(.+)$/,
  async handle({ model, repo, params, request, urls }) {
    const path = params[0];
    const body = await readJson(request);
    const branch =
      typeof body.branch === 'string' ? body.branch : repo.defaultBranch;
    const head = repo.branches.get(branch);
    if (!head) return notFound(`Branch ${branch} not found`);
    if (typeof body.message !== 'string' || typeof body.content !== 'string') {
      return validationFailed(
        'Invalid request.\n\n"message" and "content" are required.',
      );
    }
    const current = repo.commits.get(head)!.files.get(path);
    const currentSha =
      current?.type === 'file' ? blobSha(current.content) : undefined;
    if (current && body.sha === undefined) {
      return validationFailed('Invalid request.\n\n"sha" wasn\'t supplied.');
    }
    if (body.sha !== undefined && body.sha !== currentSha) {
      return {
        status: 409,
        body: {
          message: `${path} does not match ${body.sha}`,
          documentation_url:
            'https://docs.github.com/rest/repos/contents#create-or-update-file-contents',
          status: '409',
        },
      };
    }
    const sha = model.commit(repo.fullName, {
      branch,
      files: {
        [path]: Buffer.from(body.content, 'base64').toString('utf8'),
      },
      message: body.message,
      author: 'stageline-bot',
    });
    return {
      status: current ? 200 : 201,
      body: fileCommitJson(urls, repo, {
        branch,
        path,
        commit: repo.commits.get(sha)!,
      }),
    };
  },
};
