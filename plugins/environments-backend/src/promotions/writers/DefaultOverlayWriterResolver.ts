import type { Config } from '@backstage/config';
import {
  GithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import type { Octokit } from '@octokit/rest';
import { parseRepositoryLocation } from '../../gitops/parseRepositoryLocation';
import { readGitSettings } from '../../gitops/readGitSettings';
import type { OverlayWriter, OverlayWriterResolver } from '../types';
import { createGithubWriteClient } from './github/createGithubWriteClient';
import { GithubOverlayWriter } from './github/GithubOverlayWriter';
import { LocalGitOverlayWriter } from './local/LocalGitOverlayWriter';
import type { WriterTiming } from './WriterTiming';

type Options = {
  branch: string;
  clonesDirectory: string;
  credentialsProvider: GithubCredentialsProvider;
  author?: { name: string; email: string };
  timing?: WriterTiming;
  maxRateLimitWaitMs?: number;
};

/**
 * Resolves a GitOps repository value to its OverlayWriter with the same rules as
 * DefaultGitRepositoryResolver (the caller passes the location after applying
 * `environments.gitops.repositories`):
 * - `owner/repo`: GitHub, on the `github.com` integration, or the only configured one;
 * - `https://<host>/<owner>/<repo>(.git)` on a configured GitHub integration host: GitHub;
 * - any other Git URL or absolute path: plain Git (LocalGitOverlayWriter).
 * Writers (and one write client per GitHub host) are reused.
 */
export class DefaultOverlayWriterResolver implements OverlayWriterResolver {
  readonly #integrations: ScmIntegrations;
  readonly #defaultGithubHost: string;
  readonly #options: Options;
  readonly #writers = new Map<string, OverlayWriter>();
  readonly #clients = new Map<string, Octokit>();

  /**
   * @param options.branch - default `environments.gitops.branch`, else `main`.
   * @param options.clonesDirectory - default `environments.gitops.clonesDirectory`, else
   *   `stageline-git` in the OS temp folder.
   * @param options.author - commit author for plain Git (default Stageline).
   */
  static fromConfig(
    config: Config,
    options: {
      branch?: string;
      clonesDirectory?: string;
      credentialsProvider?: GithubCredentialsProvider;
      author?: { name: string; email: string };
      timing?: WriterTiming;
      maxRateLimitWaitMs?: number;
    } = {},
  ): DefaultOverlayWriterResolver {
    const { integrations, defaultGithubHost, ...settings } = readGitSettings(
      config,
      options,
    );
    return new DefaultOverlayWriterResolver(integrations, defaultGithubHost, {
      ...options,
      ...settings,
    });
  }

  private constructor(
    integrations: ScmIntegrations,
    defaultGithubHost: string,
    options: Options,
  ) {
    this.#integrations = integrations;
    this.#defaultGithubHost = defaultGithubHost;
    this.#options = options;
  }

  resolve(repository: string): OverlayWriter {
    let writer = this.#writers.get(repository);
    if (!writer) {
      writer = this.#create(repository);
      this.#writers.set(repository, writer);
    }
    return writer;
  }

  #create(value: string): OverlayWriter {
    const location = parseRepositoryLocation(
      value,
      this.#integrations,
      this.#defaultGithubHost,
    );
    if (location.type === 'git') {
      return new LocalGitOverlayWriter({
        url: location.url,
        branch: this.#options.branch,
        clonesDirectory: this.#options.clonesDirectory,
        author: this.#options.author,
        timing: this.#options.timing,
      });
    }
    return this.#github(location.host, location.owner, location.repo);
  }

  #github(host: string, owner: string, repo: string): OverlayWriter {
    // parseRepositoryLocation checked that the host has an integration.
    const integration = this.#integrations.github.byHost(host)!;
    let client = this.#clients.get(host);
    if (!client) {
      client = createGithubWriteClient({
        integration: integration.config,
        credentialsProvider: this.#options.credentialsProvider,
      });
      this.#clients.set(host, client);
    }
    return new GithubOverlayWriter({
      client,
      host,
      owner,
      repo,
      branch: this.#options.branch,
      timing: this.#options.timing,
      maxRateLimitWaitMs: this.#options.maxRateLimitWaitMs,
    });
  }
}
