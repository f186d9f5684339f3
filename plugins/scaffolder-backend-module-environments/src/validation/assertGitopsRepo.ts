import { InputError } from '@backstage/errors';
import { assertRepoSlug } from './assertRepoSlug';

/** Throws an InputError naming `field` unless `value` is `owner/repo` or an https Git URL. */
export function assertGitopsRepo(field: string, value: string): void {
  if (!value.startsWith('https://')) {
    assertRepoSlug(field, value);
    return;
  }
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || /\s/.test(value) || url.username || url.password) {
    throw new InputError(
      `Input '${field}' must be owner/repo or an https Git URL without credentials, got '${value}'`,
    );
  }
}
