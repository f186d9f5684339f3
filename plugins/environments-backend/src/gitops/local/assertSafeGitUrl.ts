import { InputError } from '@backstage/errors';
import { isGitUrl } from './isGitUrl';
import { redactUrl } from './redactUrl';

/** Throws InputError unless `url` is a Git remote Stageline clones (see isGitUrl). */
export function assertSafeGitUrl(url: string): string {
  if (!isGitUrl(url)) {
    throw new InputError(
      `'${redactUrl(
        url,
      )}' is not a Git URL Stageline can read: use https://, ssh://, git://, file://, user@host:path or an absolute path`,
    );
  }
  return url;
}
