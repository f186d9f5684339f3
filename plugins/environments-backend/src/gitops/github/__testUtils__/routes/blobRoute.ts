import { gitTree } from '../gitTree';
import type { ModelRepo } from '../modelTypes';
import { blobJson } from '../json/blobJson';
import { notFound } from '../notFound';
import type { StandInRoute } from '../StandInRoute';

/**
 * `GET /repos/{owner}/{repo}/git/blobs/{file_sha}`: a blob of any commit of the repository, by
 * its Git blob SHA (a file's content, or a symlink's target), base64 as GitHub sends it.
 */
export const blobRoute: StandInRoute = {
  method: 'GET',
  openapiPath: '/repos/{owner}/{repo}/git/blobs/{file_sha}',
  pattern: /^\/git\/blobs\/([^/]+)$/,
  handle({ repo, params, urls }) {
    const sha = params[0].toLowerCase();
    const content = findBlob(repo, sha);
    return content === undefined
      ? notFound()
      : { status: 200, body: blobJson(urls, repo, { sha, content }) };
  },
};

function findBlob(repo: ModelRepo, sha: string): string | undefined {
  for (const commit of repo.commits.values()) {
    const item = gitTree(commit.files).items.find(
      i => i.type === 'blob' && i.sha === sha,
    );
    if (item?.entry?.type === 'file') return item.entry.content;
    if (item?.entry?.type === 'symlink') return item.entry.target;
  }
  return undefined;
}
