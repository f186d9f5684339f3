import { InputError } from '@backstage/errors';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import { isGitUrl } from './local/isGitUrl';

// GitHub's own rules: owners are alphanumeric with single hyphens, repositories also allow . and _.
const OWNER_REPO = /^([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})$/;

/** Where a repository named by an annotation lives: a GitHub repository or a plain Git URL. */
export type RepositoryLocation =
  | { type: 'github'; host: string; owner: string; repo: string }
  | { type: 'git'; url: string };

/**
 * Reads `owner/repo` (on the default GitHub host), an `https://<github host>/owner/repo` URL of a
 * configured GitHub integration, or any other Git URL or absolute path. Shared by the readers and
 * the writers so both resolve a repository the same way.
 */
export function parseRepositoryLocation(
  value: string,
  integrations: ScmIntegrationRegistry,
  defaultGithubHost: string,
): RepositoryLocation {
  const slug = OWNER_REPO.exec(value);
  if (slug) return github(defaultGithubHost, slug[1], slug[2], integrations);
  const onGithub = githubUrl(value, integrations);
  if (onGithub) {
    return github(onGithub.host, onGithub.owner, onGithub.repo, integrations);
  }
  if (isGitUrl(value)) return { type: 'git', url: value };
  throw new InputError(
    `'${value.slice(
      0,
      200,
    )}' is not a GitHub repository (owner/repo) or a Git URL (https://, ssh://, git@host:path, file://, absolute path)`,
  );
}

function githubUrl(value: string, integrations: ScmIntegrationRegistry) {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (!integrations.github.byHost(url.host)) return undefined;
  const path = url.pathname.replace(/\/+$/, '').replace(/\.git$/, '');
  const match = /^\/([^/]+)\/([^/]+)$/.exec(path);
  const slug = match && OWNER_REPO.exec(`${match[1]}/${match[2]}`);
  return slug ? { host: url.host, owner: slug[1], repo: slug[2] } : undefined;
}

function github(
  host: string,
  owner: string,
  repoName: string,
  integrations: ScmIntegrationRegistry,
): RepositoryLocation {
  if (!integrations.github.byHost(host)) {
    throw new InputError(`No GitHub integration is configured for ${host}`);
  }
  const repo = repoName.replace(/\.git$/, '');
  if (repo === '.' || repo === '..' || !repo) {
    throw new InputError(
      `'${owner}/${repoName}' is not a GitHub repository name`,
    );
  }
  return { type: 'github', host, owner, repo };
}
