import type { Config } from '@backstage/config';
import { resolve as resolvePath } from 'node:path';
import { isGitUrl } from '../local/isGitUrl';
import { redactUrl } from '../local/redactUrl';
import type { RepositoryLocation } from '../types';

export const REPOSITORIES_KEY = 'environments.gitops.repositories';
// GitHub's own rules: owners alphanumeric with single hyphens; repositories also . and _.
export const OWNER_REPO =
  /^([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})$/;
/** Characters one `*` of a pattern matches: never `/`. */
const SEGMENT_CHAR = /^[A-Za-z0-9._-]$/;

/** Hosts listed explicitly under `integrations.github` (not the implicit github.com). */
export type GithubHosts = {
  /** Lower-cased host -> host as configured. */
  byHost: Map<string, string>;
  /** Host of `owner/repo`: the only configured integration's, else github.com. */
  defaultHost: string;
};

type RepositoryPattern = {
  key: string;
  literals: string[];
  template: string[];
};

/** `environments.gitops.repositories`: exact keys and `*` patterns (in config order). */
export type RepositoryEntries = {
  exact: Map<string, RepositoryLocation>;
  patterns: RepositoryPattern[];
  github: GithubHosts;
};

export function readGithubHosts(config: Config): GithubHosts {
  const hosts = (
    config.getOptionalConfigArray('integrations.github') ?? []
  ).map(entry => entry.getOptionalString('host') ?? 'github.com');
  return {
    byHost: new Map(hosts.map(host => [host.toLowerCase(), host])),
    defaultHost: hosts.length === 1 ? hosts[0] : 'github.com',
  };
}

/**
 * Reads and checks every entry; throws naming `environments.gitops.repositories["<key>"]` when a
 * key can never match (`keyProblem`), a location is invalid, or a pattern's location has a
 * different number of `*`.
 */
export function readRepositoryEntries(
  config: Config,
  github: GithubHosts,
  keyProblem: (key: string) => string | undefined,
): RepositoryEntries {
  const entries: RepositoryEntries = { exact: new Map(), patterns: [], github };
  const raw =
    config
      .getOptionalConfig(REPOSITORIES_KEY)
      ?.get<Record<string, unknown>>() ?? {};
  for (const [key, target] of Object.entries(raw)) {
    const invalid = (reason: string) =>
      new Error(`Invalid config at '${REPOSITORIES_KEY}["${key}"]': ${reason}`);
    if (typeof target !== 'string') throw invalid('expected a Git URL or path');
    const problem = keyProblem(key);
    if (problem) {
      throw invalid(`the key ${problem}, so no annotation can match it`);
    }
    const literals = key.split('*');
    const template = target.split('*');
    if (literals.length !== template.length) {
      throw invalid(
        `the location must contain '*' as many times as the pattern (${
          literals.length - 1
        })`,
      );
    }
    // Patterns are checked with each `*` replaced by a sample name.
    const location = parseConfiguredLocation(template.join('x'), github);
    if (!location) {
      const shown = redactUrl(target).slice(0, 100);
      throw invalid(
        `'${shown}' is not a GitHub repository (owner/repo), a Git URL (https://, ssh://, git://, file://, user@host:path) or a local path`,
      );
    }
    if (literals.length === 1) entries.exact.set(key, location);
    else entries.patterns.push({ key, literals, template });
  }
  return entries;
}

/**
 * Where config maps `value`: its exact key, else the first matching pattern. `invalidPattern`
 * names a pattern that matched but formed no valid location; undefined when nothing matches.
 */
export function findRepositoryEntry(
  entries: RepositoryEntries,
  value: string,
): { location: RepositoryLocation } | { invalidPattern: string } | undefined {
  const exact = entries.exact.get(value);
  if (exact) return { location: exact };
  for (const pattern of entries.patterns) {
    const target = matchPattern(pattern, value);
    if (target === undefined) continue;
    const location = parseConfiguredLocation(target, entries.github);
    return location ? { location } : { invalidPattern: pattern.key };
  }
  return undefined;
}

export function githubLocation(
  host: string,
  owner: string,
  name: string,
): RepositoryLocation | undefined {
  const repo = name.replace(/\.git$/, '');
  return repo && repo !== '.' && repo !== '..'
    ? { type: 'github', host, owner, repo }
    : undefined;
}

/**
 * A location written in config (trusted): `owner/repo` or `https://<configured GitHub host>/owner/repo`
 * on GitHub; any other Git URL, absolute path, or `./` `../` path (from the working directory) as Git.
 */
function parseConfiguredLocation(
  target: string,
  github: GithubHosts,
): RepositoryLocation | undefined {
  const slug = OWNER_REPO.exec(target);
  if (slug) return githubLocation(github.defaultHost, slug[1], slug[2]);
  const url = /^https:\/\/([^/?#@\\]+)\/([^/?#]+)\/([^/?#]+?)\/*$/i.exec(
    target,
  );
  const host = url ? github.byHost.get(url[1].toLowerCase()) : undefined;
  const onGithub = url && host ? OWNER_REPO.exec(`${url[2]}/${url[3]}`) : null;
  const location =
    host && onGithub
      ? githubLocation(host, onGithub[1], onGithub[2])
      : undefined;
  if (location) return location;
  if (/^\.\.?\//.test(target)) return { type: 'git', url: resolvePath(target) };
  return isGitUrl(target) ? { type: 'git', url: target } : undefined;
}

/**
 * The location `value` maps to when it matches the pattern. Each `*` matches one or more of
 * `[A-Za-z0-9._-]`, but never `.` or `..` alone; ambiguous splits take the longest first capture.
 * Failed states are remembered so hostile values cannot make it backtrack exponentially.
 */
function matchPattern(
  pattern: RepositoryPattern,
  value: string,
): string | undefined {
  const { literals } = pattern;
  const stars = literals.length - 1;
  if (!value.startsWith(literals[0])) return undefined;
  const captures: string[] = [];
  const failed = new Set<number>();

  // Whether stars `star`.. match value from `from` (just after literal `star`) to the end.
  const match = (star: number, from: number): boolean => {
    if (star === stars) return from === value.length;
    const state = star * (value.length + 1) + from;
    if (failed.has(state)) return false;
    let end = from;
    while (end < value.length && SEGMENT_CHAR.test(value[end])) end++;
    const next = literals[star + 1];
    for (let to = end; to > from; to--) {
      const part = value.slice(from, to);
      if (part === '.' || part === '..' || !value.startsWith(next, to)) {
        continue;
      }
      if (match(star + 1, to + next.length)) {
        captures[star] = part;
        return true;
      }
    }
    failed.add(state);
    return false;
  };

  if (!match(0, literals[0].length)) return undefined;
  return pattern.template
    .map((literal, i) =>
      i < captures.length ? literal + captures[i] : literal,
    )
    .join('');
}
