import type { Config } from '@backstage/config';
import {
  GithubCredentialsProvider,
  GithubIntegration,
  ScmIntegrations,
} from '@backstage/integration';
import type { Octokit } from '@octokit/rest';
import { createGithubClient } from './github/createGithubClient';
import { GithubRepository } from './github/GithubRepository';
import { LocalGitRepository } from './local/LocalGitRepository';
import { parseRepositoryLocation } from './parseRepositoryLocation';
import { readGitSettings } from './readGitSettings';
import type { GitRepository, GitRepositoryResolver } from './types';

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
    return new DefaultGitRepositoryResolver({
      ...readGitSettings(config, options),
      cacheTtlMs: options.cacheTtlMs ?? 30_000,
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
    const location = parseRepositoryLocation(
      value,
      this.#integrations,
      this.#defaultGithubHost,
    );
    if (location.type === 'git') {
      return new LocalGitRepository({
        url: location.url,
        branch: this.#branch,
        clonesDirectory: this.#clonesDirectory,
        refreshIntervalMs: this.#cacheTtlMs,
      });
    }
    return this.#github(location.host, location.owner, location.repo);
  }

  #github(host: string, owner: string, repo: string): GitRepository {
    // parseRepositoryLocation checked that the host has an integration.
    const integration = this.#integrations.github.byHost(host)!;
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
