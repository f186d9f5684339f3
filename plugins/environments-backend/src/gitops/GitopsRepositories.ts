import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type {
  GithubCredentialsProvider,
  GithubIntegration,
} from '@backstage/integration';
import type { Octokit } from '@octokit/rest';
import { createGithubClient } from './github/createGithubClient';
import { GithubSnapshotSource } from './github/GithubSnapshotSource';
import { GitCliSnapshotSource } from './local/GitCliSnapshotSource';
import { readGitSettings, type GitSettings } from './readGitSettings';
import { RepositoryPolicy } from './RepositoryPolicy';
import { ComparisonCache } from './snapshot/ComparisonCache';
import { ParsedKustomizations } from './snapshot/ParsedKustomizations';
import { SnapshotRepository } from './snapshot/SnapshotRepository';
import type {
  AllowedRepository,
  GitRepository,
  GitRepositoryResolver,
} from './types';

/** A push to a repository, as a webhook reports it. */
export type RepositoryPush = {
  /** `owner/repo` on GitHub. */
  fullName?: string;
  /** Host of the repository's web URL, e.g. `github.com`. */
  host?: string;
  /** Clone URLs of the repository (https, ssh). */
  urls?: string[];
};

/**
 * The GitOps repository capability: the one place that turns an annotation into a repository
 * (only where config allows it), keeps one reader per repository and one GitHub client per
 * host, and shares parse results and comparisons between all of them.
 */
export class GitopsRepositories implements GitRepositoryResolver {
  readonly #policy: RepositoryPolicy;
  readonly #settings: GitSettings;
  readonly #ttlMs: number;
  readonly #logger?: LoggerService;
  readonly #repositories = new Map<string, SnapshotRepository>();
  readonly #locations = new Map<SnapshotRepository, AllowedRepository>();
  readonly #clients = new Map<string, Octokit>();
  readonly parsed = new ParsedKustomizations();
  readonly #comparisons: ComparisonCache;

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
      logger?: LoggerService;
    } = {},
  ): GitopsRepositories {
    return new GitopsRepositories({
      policy: RepositoryPolicy.fromConfig(config),
      settings: readGitSettings(config, options),
      ttlMs: options.cacheTtlMs ?? 30_000,
      logger: options.logger,
    });
  }

  private constructor(options: {
    policy: RepositoryPolicy;
    settings: GitSettings;
    ttlMs: number;
    logger?: LoggerService;
  }) {
    this.#policy = options.policy;
    this.#settings = options.settings;
    this.#ttlMs = options.ttlMs;
    this.#logger = options.logger;
    this.#comparisons = new ComparisonCache({ ttlMs: options.ttlMs });
  }

  /** Where an annotation's repository is read and written, or NotAllowedError before any fetch. */
  locate(value: string, annotation: string): AllowedRepository {
    return this.#policy.locate(value, annotation);
  }

  resolve(value: string, annotation: string): GitRepository {
    const allowed = this.locate(value, annotation);
    const key = JSON.stringify(allowed.location);
    let repository = this.#repositories.get(key);
    if (!repository) {
      repository = new SnapshotRepository({
        source: this.#source(allowed),
        parsed: this.parsed,
        comparisons: this.#comparisons,
        ttlMs: this.#ttlMs,
        logger: this.#logger,
      });
      this.#repositories.set(key, repository);
      this.#locations.set(repository, allowed);
    }
    return repository;
  }

  /** Marks every known repository a push went to as stale; returns how many there were. */
  markPushed(push: RepositoryPush): number {
    let marked = 0;
    for (const [repository, allowed] of this.#locations) {
      if (matches(allowed, push)) {
        repository.markStale();
        marked++;
      }
    }
    return marked;
  }

  /** Marks a repository stale after Stageline wrote to it. */
  markWritten(repository: AllowedRepository): void {
    this.#repositories.get(JSON.stringify(repository.location))?.markStale();
  }

  /** Head checks made by all repositories so far (for the benchmark). */
  headChecks(): number {
    let total = 0;
    for (const repository of this.#repositories.values()) {
      total += repository.headChecks;
    }
    return total;
  }

  #source(allowed: AllowedRepository) {
    const { location, name } = allowed;
    if (location.type === 'git') {
      return new GitCliSnapshotSource({
        url: location.url,
        displayName: name,
        branch: this.#settings.branch,
        clonesDirectory: this.#settings.clonesDirectory,
        refreshIntervalMs: this.#ttlMs,
      });
    }
    // The policy allows GitHub locations only on hosts with an integration.
    const integration = this.#settings.integrations.github.byHost(
      location.host,
    )!;
    return new GithubSnapshotSource({
      client: this.#client(integration),
      host: location.host,
      owner: location.owner,
      repo: location.repo,
      branch: this.#settings.branch,
    });
  }

  #client(integration: GithubIntegration): Octokit {
    const host = integration.config.host;
    let client = this.#clients.get(host);
    if (!client) {
      client = createGithubClient({
        integration: integration.config,
        credentialsProvider: this.#settings.credentialsProvider,
        cacheTtlMs: this.#ttlMs,
      });
      this.#clients.set(host, client);
    }
    return client;
  }
}

// A configured alias named like the pushed GitHub repository (a mirror) counts as pushed too.
function matches({ name, location }: AllowedRepository, push: RepositoryPush) {
  if (location.type === 'github') {
    return (
      !!push.fullName &&
      push.fullName.toLowerCase() ===
        `${location.owner}/${location.repo}`.toLowerCase() &&
      (!push.host || push.host.toLowerCase() === location.host.toLowerCase())
    );
  }
  if (push.fullName && name.toLowerCase() === push.fullName.toLowerCase()) {
    return true;
  }
  const url = normalizeUrl(location.url);
  return (push.urls ?? []).some(u => normalizeUrl(u) === url);
}

function normalizeUrl(url: string) {
  return url
    .replace(/\.git$/, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}
