const USER_INFO = /^([a-z][a-z0-9+.-]*):\/\/([^/@\s]*)@/i;

/**
 * `url` without credentials, for messages and display: http(s) user info is dropped entirely
 * (tokens are often passed as the user name), elsewhere only when it carries a password. An ssh
 * user name such as `git@` is kept.
 */
export function redactUrl(url: string): string {
  return url.replace(USER_INFO, (whole, scheme: string, userInfo: string) =>
    /^https?$/i.test(scheme) || userInfo.includes(':') ? `${scheme}://` : whole,
  );
}
