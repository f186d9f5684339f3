import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  GithubIntegration,
  ScmIntegrations,
} from '@backstage/integration';
import type { Octokit } from '@octokit/rest';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { createGithubClient } from './github/createGithubClient';
import { GithubRepository } from './github/GithubRepository';
import { isGitUrl } from './local/isGitUrl';
import { LocalGitRepository } from './local/LocalGitRepository';
import type { GitRepository, GitRepositoryResolver } from './types';

// GitHub's own rules: owners are alphanumeric with single hyphens, repositories also allow . and _.
const OWNER_REPO = /^([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})$/;

/**
 * Resolves a `stageline.io/gitops-repo` (or `github.com/project-slug`) value to a repository:
 * - `owner/repo`: GitHub, on the `github.com` integration, or the only configured one;
 * - `https://<host>/<owner>/<repo>(.git)` on a configured GitHub integration host: GitHub;
 * - any other Git URL or absolute path: a cached local clone (LocalGitRepository).
 * Repository objects (and one GitHub client with its response cache per host) are reused.
 */
export class DefaultGitRepositoryResolver implements GitRepositoryResolver {
  readonly #integrations: ScmIntegrations;
  readonly #credentialsProvider: GithubCredentialsProvider;
  readonly #defaultGithubHost: string;
  readonly #branch: string;
  readonly #cacheTtlMs: number;
  readonly #clonesDirectory: string;
  readonly #repositories = new Map<string, GitRepository>();
  readonly #clients = new Map<string, Octokit>();

  /**
   * @param options.cacheTtlMs - `environments.gitops.cacheTtl`, parsed by the caller (default 30 s).
   * @param options.branch - default `environments.gitops.branch`, else `main`.
   * @param options.clonesDirectory - default `environments.gitops.clonesDirectory`, else
   *   `stageline-git` in the OS temp folder.
   */
  static fromConfig(
    config: Config,
    options: {
      cacheTtlMs?: number;
      branch?: string;
      clonesDirectory?: string;
      credentialsProvider?: GithubCredentialsProvider;
    } = {},
  ): DefaultGitRepositoryResolver {
    const integrations = ScmIntegrations.fromConfig(config);
    const configured =
      config.getOptionalConfigArray('integrations.github') ?? [];
    const clonesDirectory =
      options.clonesDirectory ??
      config.getOptionalString('environments.gitops.clonesDirectory');
    return new DefaultGitRepositoryResolver({
      integrations,
      credentialsProvider:
        options.credentialsProvider ??
        DefaultGithubCredentialsProvider.fromIntegrations(integrations),
      defaultGithubHost:
        configured.length === 1
          ? configured[0].getOptionalString('host') ?? 'github.com'
          : 'github.com',
      branch:
        options.branch ??
        config.getOptionalString('environments.gitops.branch') ??
        'main',
      cacheTtlMs: options.cacheTtlMs ?? 30_000,
      clonesDirectory: clonesDirectory
        ? resolvePath(clonesDirectory)
        : join(tmpdir(), 'stageline-git'),
    });
  }

  private constructor(options: {
    integrations: ScmIntegrations;
    credentialsProvider: GithubCredentialsProvider;
    defaultGithubHost: string;
    branch: string;
    cacheTtlMs: number;
    clonesDirectory: string;
  }) {
    this.#integrations = options.integrations;
    this.#credentialsProvider = options.credentialsProvider;
    this.#defaultGithubHost = options.defaultGithubHost;
    this.#branch = options.branch;
    this.#cacheTtlMs = options.cacheTtlMs;
    this.#clonesDirectory = options.clonesDirectory;
  }

  resolve(repository: string): GitRepository {
    let repo = this.#repositories.get(repository);
    if (!repo) {
      repo = this.#create(repository);
      this.#repositories.set(repository, repo);
    }
    return repo;
  }

  #create(value: string): GitRepository {
    const slug = OWNER_REPO.exec(value);
    if (slug) {
      return this.#github(this.#defaultGithubHost, slug[1], slug[2]);
    }
    const onGithub = this.#githubUrl(value);
    if (onGithub) {
      return this.#github(onGithub.host, onGithub.owner, onGithub.repo);
    }
    if (isGitUrl(value)) {
      return new LocalGitRepository({
        url: value,
        branch: this.#branch,
        clonesDirectory: this.#clonesDirectory,
        refreshIntervalMs: this.#cacheTtlMs,
      });
    }
    throw new InputError(
      `'${value.slice(
        0,
        200,
      )}' is not a GitHub repository (owner/repo) or a Git URL (https://, ssh://, git@host:path, file://, absolute path)`,
    );
  }

  #githubUrl(value: string) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return undefined;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (!this.#integrations.github.byHost(url.host)) return undefined;
    const path = url.pathname.replace(/\/+$/, '').replace(/\.git$/, '');
    const match = /^\/([^/]+)\/([^/]+)$/.exec(path);
    const slug = match && OWNER_REPO.exec(`${match[1]}/${match[2]}`);
    return slug ? { host: url.host, owner: slug[1], repo: slug[2] } : undefined;
  }

  #github(host: string, owner: string, repoName: string): GitRepository {
    const integration = this.#integrations.github.byHost(host);
    if (!integration) {
      throw new InputError(`No GitHub integration is configured for ${host}`);
    }
    const repo = repoName.replace(/\.git$/, '');
    if (repo === '.' || repo === '..' || !repo) {
      throw new InputError(
        `'${owner}/${repoName}' is not a GitHub repository name`,
      );
    }
    return new GithubRepository({
      client: this.#client(integration),
      host,
      owner,
      repo,
      branch: this.#branch,
    });
  }

  #client(integration: GithubIntegration): Octokit {
    const host = integration.config.host;
    let client = this.#clients.get(host);
    if (!client) {
      client = createGithubClient({
        integration: integration.config,
        credentialsProvider: this.#credentialsProvider,
        cacheTtlMs: this.#cacheTtlMs,
      });
      this.#clients.set(host, client);
    }
    return client;
  }
}
