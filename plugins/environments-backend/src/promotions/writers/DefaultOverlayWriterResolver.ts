import type { Config } from '@backstage/config';
import {
  GithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import type { Octokit } from '@octokit/rest';
import { readGitSettings } from '../../gitops/readGitSettings';
import type { AllowedRepository } from '../../gitops/types';
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
  /** Called after each write, e.g. to read the repository's new head at once. */
  onWritten?: (repository: AllowedRepository) => void;
};

/**
 * The OverlayWriter of a repository config allows (see RepositoryPolicy): GitHub locations get
 * a GithubOverlayWriter, plain Git ones a LocalGitOverlayWriter. Writers (and one write client
 * per GitHub host) are reused.
 */
export class DefaultOverlayWriterResolver implements OverlayWriterResolver {
  readonly #integrations: ScmIntegrations;
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
      onWritten?: (repository: AllowedRepository) => void;
    } = {},
  ): DefaultOverlayWriterResolver {
    const { integrations, ...settings } = readGitSettings(config, options);
    return new DefaultOverlayWriterResolver(integrations, {
      ...options,
      ...settings,
    });
  }

  private constructor(integrations: ScmIntegrations, options: Options) {
    this.#integrations = integrations;
    this.#options = options;
  }

  resolve(repository: AllowedRepository): OverlayWriter {
    const key = JSON.stringify(repository.location);
    let writer = this.#writers.get(key);
    if (!writer) {
      writer = this.#notifying(this.#create(repository), repository);
      this.#writers.set(key, writer);
    }
    return writer;
  }

  #notifying(
    writer: OverlayWriter,
    repository: AllowedRepository,
  ): OverlayWriter {
    const onWritten = this.#options.onWritten;
    if (!onWritten) return writer;
    return {
      write: async request => {
        try {
          return await writer.write(request);
        } finally {
          onWritten(repository);
        }
      },
      status: written => writer.status(written),
    };
  }

  #create({ name, location }: AllowedRepository): OverlayWriter {
    if (location.type === 'git') {
      return new LocalGitOverlayWriter({
        url: location.url,
        displayName: name,
        branch: this.#options.branch,
        clonesDirectory: this.#options.clonesDirectory,
        author: this.#options.author,
        timing: this.#options.timing,
      });
    }
    return this.#github(location.host, location.owner, location.repo);
  }

  #github(host: string, owner: string, repo: string): OverlayWriter {
    // RepositoryPolicy allows GitHub locations only on hosts with an integration.
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
