// The host may not start with '-' (ssh option injection), after optional user info either.
const URL_SCHEME = /^(https?|ssh|git|file):\/\/(?![^/]*@-)(?!-)\S+$/;
// scp-like `user@host:path`; the host must not start with '-' (ssh option injection).
const SCP_LIKE = /^[A-Za-z0-9._-]+@[A-Za-z0-9][A-Za-z0-9.-]*:\S+$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Whether `url` is a Git remote Stageline clones: http(s), ssh, git, file URLs, `user@host:path`, or an absolute path. */
export function isGitUrl(url: string): boolean {
  if (!url || url.startsWith('-') || CONTROL.test(url)) return false;
  return URL_SCHEME.test(url) || SCP_LIKE.test(url) || url.startsWith('/');
}
