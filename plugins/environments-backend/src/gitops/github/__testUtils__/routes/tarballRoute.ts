import { notFound } from '../notFound';
import type { StandInRoute } from '../StandInRoute';
import { resolveCommit } from './resolveCommit';

/**
 * `GET /repos/{owner}/{repo}/tarball/{ref}`: like GitHub, a 302 to the codeload download of the
 * commit `ref` names (pinned to its SHA, so a commit landing between the redirect and the
 * download does not change what is downloaded). `sign` gives the `token` query parameter that
 * pre-signs the download URL (GitHub's codeload URLs carry one for private repositories), or
 * undefined when the stand-in checks no token.
 */
export function tarballRoute(options: {
  sign: (codeloadPath: string) => string | undefined;
}): StandInRoute {
  return {
    method: 'GET',
    openapiPath: '/repos/{owner}/{repo}/tarball/{ref}',
    // GitHub also answers `/tarball` without a ref, with the default branch.
    pattern: /^\/tarball(?:\/(.+))?$/,
    handle({ model, repo, params, urls }) {
      const ref = params[0] ?? repo.defaultBranch;
      const commit = resolveCommit(model, repo, ref);
      if (!commit) return notFound();
      const location = new URL(urls.codeloadTarball(repo.fullName, commit.sha));
      const token = options.sign(location.pathname);
      if (token) location.searchParams.set('token', token);
      return { status: 302, headers: { location: location.toString() } };
    },
  };
}
