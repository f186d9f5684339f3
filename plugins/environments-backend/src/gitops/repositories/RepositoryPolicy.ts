import type { Config } from '@backstage/config';
import { NotAllowedError } from '@backstage/errors';
import type { AllowedRepository, RepositoryLocation } from '../types';
import {
  findRepositoryEntry,
  githubLocation,
  type GithubHosts,
  OWNER_REPO,
  readGithubHosts,
  readRepositoryEntries,
  REPOSITORIES_KEY as KEY,
  type RepositoryEntries,
} from './repositoryPattern';

const MAX_LENGTH = 500;
// Whitespace, control and invisible format characters (e.g. bidi overrides).
const UNSAFE_CHARS = /[\s\p{Cc}\p{Cf}]/u;
// Git remote helpers such as `ext::sh -c ...` or `fd::`.
const TRANSPORT = /^[A-Za-z][A-Za-z0-9+.-]*::/;
const URL_SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#\\]*)(.*)$/;
const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
const GIT_SCHEMES = ['https', 'http', 'ssh', 'git', 'git+ssh', 'ssh+git'];
const SSH_SCHEMES = ['ssh', 'git+ssh', 'ssh+git'];

const CREDENTIALS = `names a URL with credentials; credentials come from the GitHub integration or the backend's Git configuration, never from an annotation`;
const LOCAL_PATH = `names a local path; local repositories are read only when ${KEY} lists them`;
const NOT_GITHUB = `does not name a GitHub repository: use owner/repo or https://<GitHub host>/owner/repo, or list it in ${KEY}`;
const HTTPS_ONLY = (host: string) =>
  `GitHub repositories are read over https://${host}/owner/repo, other locations only when ${KEY} lists them`;
const notAllowedHost = (host: string) =>
  `'${host}' is not an allowed repository location: configure a GitHub integration for it or list it in ${KEY}`;

/** Why a value (or a config key) can never name a repository, checked before anything else. */
function shapeProblem(value: string): string | undefined {
  if (!value) return 'is empty';
  if (value.length > MAX_LENGTH)
    return `is longer than ${MAX_LENGTH} characters`;
  if (value.startsWith('-'))
    return `starts with '-', which Git reads as an option`;
  if (TRANSPORT.test(value)) {
    return 'names a Git remote helper transport (such as ext::), which is never allowed';
  }
  if (UNSAFE_CHARS.test(value))
    return 'contains whitespace or control characters';
  return undefined;
}

function clip(text: string): string {
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

/**
 * Decides which repositories catalog annotations may name, and where each is read and written:
 * entries of `environments.gitops.repositories` (exact keys, then `*` patterns in config order),
 * else GitHub repositories on an explicitly configured GitHub integration. Everything else is
 * refused with a NotAllowedError before anything is fetched.
 */
export class RepositoryPolicy {
  readonly #entries: RepositoryEntries;
  readonly #github: GithubHosts;

  /** Throws naming the config key when an entry of `environments.gitops.repositories` is invalid. */
  static fromConfig(config: Config): RepositoryPolicy {
    // ScmIntegrations adds github.com implicitly; only explicitly configured hosts count here.
    const github = readGithubHosts(config);
    return new RepositoryPolicy(
      readRepositoryEntries(config, github, shapeProblem),
    );
  }

  private constructor(entries: RepositoryEntries) {
    this.#entries = entries;
    this.#github = entries.github;
  }

  /** Where the repository `value` (of `annotation`) is read; throws NotAllowedError when refused. */
  locate(value: string, annotation: string): AllowedRepository {
    const refuse = (reason: string) =>
      new NotAllowedError(`Annotation '${annotation}' ${reason}`);
    const problem = shapeProblem(value);
    if (problem) throw refuse(`${problem}; it must name a repository`);

    const entry = findRepositoryEntry(this.#entries, value);
    if (entry && 'invalidPattern' in entry) {
      throw refuse(
        `matches ${KEY}["${entry.invalidPattern}"], but does not form a valid location with it`,
      );
    }
    if (entry) return { name: value, location: entry.location };
    const location = this.#onGithub(value);
    if (typeof location === 'string') throw refuse(location);
    return { name: value, location };
  }

  /**
   * Rule 4: `owner/repo` on the default host, or `https://<host>/owner/repo` of an explicitly
   * configured integration; else why not.
   */
  #onGithub(value: string): RepositoryLocation | string {
    const slug = OWNER_REPO.exec(value);
    if (slug) {
      const host = this.#github.byHost.get(
        this.#github.defaultHost.toLowerCase(),
      );
      if (!host) {
        return `names '${value}': ${notAllowedHost(this.#github.defaultHost)}`;
      }
      return githubLocation(host, slug[1], slug[2]) ?? NOT_GITHUB;
    }
    const url = URL_SCHEME.exec(value);
    if (url) return this.#githubUrl(url[1].toLowerCase(), url[2], url[3]);
    if (/^[A-Za-z]:[\\/]|^[/\\.~]|\\/.test(value)) return LOCAL_PATH;
    // scp-like `[user@]host:path`, which Git reads over ssh.
    const head = value.split('/')[0];
    const at = head.lastIndexOf('@');
    if (head.slice(0, Math.max(at, 0)).includes(':')) return CREDENTIALS;
    const colon = head.indexOf(':', at + 1);
    if (colon < 0) return NOT_GITHUB;
    const host = head.slice(at + 1, colon);
    if (host.toLowerCase() === 'file') return LOCAL_PATH;
    if (!HOST.test(host)) return NOT_GITHUB;
    if (!this.#github.byHost.has(host.toLowerCase())) {
      return `names an ssh location: ${notAllowedHost(host)}`;
    }
    return `names an ssh location on '${host}'; ${HTTPS_ONLY(host)}`;
  }

  #githubUrl(
    scheme: string,
    authority: string,
    rest: string,
  ): RepositoryLocation | string {
    const at = authority.lastIndexOf('@');
    const userInfo = at >= 0 ? authority.slice(0, at) : undefined;
    if (
      userInfo !== undefined &&
      (!SSH_SCHEMES.includes(scheme) || userInfo.includes(':'))
    ) {
      return CREDENTIALS;
    }
    if (scheme === 'file') return LOCAL_PATH;
    if (!GIT_SCHEMES.includes(scheme)) {
      return `names a '${clip(
        scheme,
      )}' URL, a transport that is never allowed; use https://<GitHub host>/owner/repo`;
    }
    const host = authority.slice(at + 1);
    if (!HOST.test(host)) return 'names a URL without a valid host';
    const path = rest.replace(/[?#].*$/, '');
    const shown = clip(`${scheme}://${host}${path}`);
    const configuredHost = this.#github.byHost.get(host.toLowerCase());
    if (!configuredHost) return `names '${shown}': ${notAllowedHost(host)}`;
    if (scheme !== 'https') {
      return `names a '${scheme}' URL on '${host}'; ${HTTPS_ONLY(host)}`;
    }
    const match = rest === path && /^\/([^/]+)\/([^/]+?)\/*$/.exec(path);
    const slug = match && OWNER_REPO.exec(`${match[1]}/${match[2]}`);
    return (
      (slug && githubLocation(configuredHost, slug[1], slug[2])) ||
      `names '${shown}', which is not a GitHub repository URL (https://${host}/owner/repo)`
    );
  }
}
