/** Builds the API and web URLs GitHub puts in its responses, for github.com or a GHES host. */
export class GithubUrls {
  readonly api: string;
  readonly web: string;

  constructor(apiBaseUrl: string) {
    this.api = apiBaseUrl.replace(/\/+$/, '');
    const url = new URL(this.api);
    // api.github.com serves github.com; GHES serves its API under <host>/api/v3.
    this.web =
      url.hostname === 'api.github.com'
        ? 'https://github.com'
        : `${url.protocol}//${url.host}`;
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
}
