import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { GithubCredentialsProvider } from '@backstage/integration';
import { GitConnections, type GithubClientTuning } from './GitConnections';
import { GithubSnapshotSource } from '../github/GithubSnapshotSource';
import { GitCliSnapshotSource } from '../local/GitCliSnapshotSource';
import { readGitSettings } from '../readGitSettings';
import { RepositoryPolicy } from './RepositoryPolicy';
import { ParsedFiles } from '../snapshot/ParsedFiles';
import { ReadThroughCache } from '../snapshot/ReadThroughCache';
import { SnapshotRepository } from '../snapshot/SnapshotRepository';
import type {
  AllowedRepository,
  GitComparison,
  GitRepository,
  GitRepositoryResolver,
} from '../types';

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
 * (only where config allows it), keeps one reader per repository, shares parse results and
 * comparisons between all of them, and holds the connections (one GitHub client per host, one
 * clone per plain Git remote) that overlay writers use too.
 */
export class GitopsRepositories implements GitRepositoryResolver {
  readonly #policy: RepositoryPolicy;
  readonly connections: GitConnections;
  readonly #ttlMs: number;
  readonly #logger?: LoggerService;
  readonly #repositories = new Map<string, SnapshotRepository>();
  readonly #locations = new Map<SnapshotRepository, AllowedRepository>();
  readonly parsed = new ParsedFiles();
  readonly #comparisons: ReadThroughCache<GitComparison>;

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
      githubTuning?: GithubClientTuning;
    } = {},
  ): GitopsRepositories {
    const ttlMs = options.cacheTtlMs ?? 30_000;
    return new GitopsRepositories({
      policy: RepositoryPolicy.fromConfig(config),
      connections: new GitConnections({
        settings: readGitSettings(config, options),
        refreshIntervalMs: ttlMs,
        logger: options.logger,
        tuning: options.githubTuning,
      }),
      ttlMs,
      logger: options.logger,
    });
  }

  private constructor(options: {
    policy: RepositoryPolicy;
    connections: GitConnections;
    ttlMs: number;
    logger?: LoggerService;
  }) {
    this.#policy = options.policy;
    this.connections = options.connections;
    this.#ttlMs = options.ttlMs;
    this.#logger = options.logger;
    this.#comparisons = new ReadThroughCache({ ttlMs: options.ttlMs });
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
    const branch = this.connections.settings.branch;
    if (location.type === 'git') {
      return new GitCliSnapshotSource({
        clone: this.connections.clone(location.url, name),
        branch,
      });
    }
    return new GithubSnapshotSource({
      client: this.connections.github(location.host),
      host: location.host,
      owner: location.owner,
      repo: location.repo,
      branch,
    });
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
