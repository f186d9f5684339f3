/** Builds the API and web URLs GitHub puts in its responses, for github.com or a GHES host. */
export class GithubUrls {
  readonly api: string;
  readonly web: string;
  /** Where archive downloads are served (the tarball route redirects there). */
  readonly codeload: string;

  constructor(apiBaseUrl: string) {
    this.api = apiBaseUrl.replace(/\/+$/, '');
    const url = new URL(this.api);
    // api.github.com serves github.com; GHES serves its API under <host>/api/v3.
    this.web =
      url.hostname === 'api.github.com'
        ? 'https://github.com'
        : `${url.protocol}//${url.host}`;
    // github.com serves archives from codeload.github.com; GHES (and any other base URL the
    // stand-in is given) from its own host under /_codeload, so no second host has to be mocked.
    this.codeload =
      url.hostname === 'api.github.com'
        ? 'https://codeload.github.com'
        : `${this.web}/_codeload`;
  }

  repoApi(fullName: string) {
    return `${this.api}/repos/${fullName}`;
  }

  repoWeb(fullName: string) {
    return `${this.web}/${fullName}`;
  }

  userApi(login: string) {
    return `${this.api}/users/${login}`;
  }

  /** The gzip tarball of `sha`, as GitHub's `/tarball/{ref}` redirect names it. */
  codeloadTarball(fullName: string, sha: string) {
    return `${this.codeload}/${fullName}/legacy.tar.gz/${sha}`;
  }
}
