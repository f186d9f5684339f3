import type { GitConnections } from '../../../gitops/repositories/GitConnections';
import type { AllowedRepository } from '../../../gitops/types';
import type { OverlayWriter, OverlayWriterResolver } from '../types';
import { GithubOverlayWriter } from '../github/GithubOverlayWriter';
import { LocalGitOverlayWriter } from '../local/LocalGitOverlayWriter';
import type { WriterTiming } from '../WriterTiming';

/**
 * The OverlayWriter of a repository config allows (see RepositoryPolicy): GitHub locations get
 * a GithubOverlayWriter on the host's shared client, plain Git ones a LocalGitOverlayWriter on
 * the remote's shared clone (see GitConnections). Writers are reused.
 */
export class DefaultOverlayWriterResolver implements OverlayWriterResolver {
  readonly #connections: GitConnections;
  readonly #options: {
    author?: { name: string; email: string };
    timing?: WriterTiming;
    onWritten?: (repository: AllowedRepository) => void;
  };
  readonly #writers = new Map<string, OverlayWriter>();

  /**
   * @param options.connections - the GitOps capability's connections, shared with its readers.
   * @param options.author - commit author for plain Git (default Stageline).
   * @param options.onWritten - called after each write, e.g. to read the new head at once.
   */
  constructor(options: {
    connections: GitConnections;
    author?: { name: string; email: string };
    timing?: WriterTiming;
    onWritten?: (repository: AllowedRepository) => void;
  }) {
    const { connections, ...rest } = options;
    this.#connections = connections;
    this.#options = rest;
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
    const branch = this.#connections.settings.branch;
    if (location.type === 'git') {
      return new LocalGitOverlayWriter({
        clone: this.#connections.clone(location.url, name),
        branch,
        author: this.#options.author,
        timing: this.#options.timing,
      });
    }
    return new GithubOverlayWriter({
      client: this.#connections.github(location.host),
      host: location.host,
      owner: location.owner,
      repo: location.repo,
      branch,
      timing: this.#options.timing,
    });
  }
}
