import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  createGithubClient,
  type GithubClient,
  type GithubClientOptions,
} from '../github/createGithubClient';
import { BareClone } from '../local/BareClone';
import type { GitSettings } from '../readGitSettings';

/** Knobs of the shared GitHub clients, for tests (production uses the defaults). */
export type GithubClientTuning = Pick<
  GithubClientOptions,
  'maxRateLimitWaitMs' | 'retryAfterBaseMs' | 'minWriteIntervalMs'
>;

/**
 * The connections Stageline keeps to Git, shared by reads and writes: one GitHub client per
 * host (one set of credentials, rate-limit state and write pacing) and one local clone per
 * plain Git remote (one fetch serves both the snapshot reader and the overlay writer).
 */
export class GitConnections {
  readonly #settings: GitSettings;
  readonly #refreshIntervalMs: number;
  readonly #logger?: LoggerService;
  readonly #tuning: GithubClientTuning;
  readonly #clients = new Map<string, GithubClient>();
  readonly #clones = new Map<string, BareClone>();

  constructor(options: {
    settings: GitSettings;
    /** How long a fetch of a plain Git remote is trusted (the cache TTL). */
    refreshIntervalMs: number;
    logger?: LoggerService;
    tuning?: GithubClientTuning;
  }) {
    this.#settings = options.settings;
    this.#refreshIntervalMs = options.refreshIntervalMs;
    this.#logger = options.logger;
    this.#tuning = options.tuning ?? {};
  }

  get settings(): GitSettings {
    return this.#settings;
  }

  /** The client of a GitHub host with a configured integration. */
  github(host: string): GithubClient {
    let client = this.#clients.get(host);
    if (!client) {
      const integration = this.#settings.integrations.github.byHost(host);
      if (!integration) {
        throw new InputError(`No GitHub integration is configured for ${host}`);
      }
      client = createGithubClient({
        integration: integration.config,
        credentialsProvider: this.#settings.credentialsProvider,
        logger: this.#logger,
        ...this.#tuning,
      });
      this.#clients.set(host, client);
    }
    return client;
  }

  /** The local clone of a plain Git remote; `displayName` is what messages call it. */
  clone(url: string, displayName: string): BareClone {
    let clone = this.#clones.get(url);
    if (!clone) {
      clone = new BareClone({
        url,
        displayName,
        clonesDirectory: this.#settings.clonesDirectory,
        refreshIntervalMs: this.#refreshIntervalMs,
      });
      this.#clones.set(url, clone);
    }
    return clone;
  }
}
