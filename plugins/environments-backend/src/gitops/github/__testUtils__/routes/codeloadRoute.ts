import { HttpResponse } from 'msw';
import type { GithubModel } from '../GithubModel';
import { legacyTarball, legacyTarballRoot } from '../legacyTarball';
import { resolveCommit } from './resolveCommit';

const LEGACY_TARBALL = /^\/([^/]+)\/([^/]+)\/legacy\.tar\.gz\/(.+)$/;

/**
 * `GET {codeload}/{owner}/{repo}/legacy.tar.gz/{ref}` (`path` is below the codeload base URL):
 * the download GitHub's tarball route redirects to. Not an API route (no JSON, no ETag, not
 * counted against the rate limit), so it answers with a Response of its own: the gzip tarball,
 * or codeload's plain-text 404.
 */
export async function codeloadRoute(
  model: GithubModel,
  path: string,
): Promise<Response> {
  const match = LEGACY_TARBALL.exec(path);
  const [owner, name, ref] = (match?.slice(1) ?? []).map(decodeURIComponent);
  const repo = match ? model.repo(`${owner}/${name}`) : undefined;
  const commit = repo && resolveCommit(model, repo, ref);
  if (!repo || !commit) {
    return new HttpResponse('404: Not Found', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const bytes = await legacyTarball(repo, commit);
  return new HttpResponse(bytes, {
    status: 200,
    headers: {
      'content-type': 'application/x-gzip',
      'content-length': String(bytes.length),
      'content-disposition': `attachment; filename=${legacyTarballRoot(
        repo,
        commit.sha,
      )}.tar.gz`,
    },
  });
}
