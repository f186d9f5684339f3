import type { Config } from '@backstage/config';
import { DNS1123_LABEL } from '@stageline/plugin-environments-common';
import type { Environment, LinkTemplate } from './Environment';
import { parseDuration } from './parseDuration';
import {
  type GitopsAgentsConfig,
  readGitopsAgentsConfig,
} from './readGitopsAgentsConfig';
import { readChainsConfig } from './readChainsConfig';
import { linkAppliesTo, readLinksConfig } from './readLinksConfig';
import {
  type OwnershipEntry,
  readOwnershipConfig,
} from './readOwnershipConfig';
import {
  type RateLimitsConfig,
  readRateLimitsConfig,
} from './readRateLimitsConfig';
import { type ReaperConfig, readReaperConfig } from './readReaperConfig';

/** Everything the plugin takes from `environments.*`, validated and defaulted. */
export type EnvironmentsConfig = {
  /** Chain -> its environments in promotion order, each with its gates, execution and links. */
  chains: Map<string, Environment[]>;
  previews: { namespacePattern: string; ttlMs: number; reaper: ReaperConfig };
  gitops: {
    branch: string;
    overlaysPath: string;
    cacheTtlMs: number;
    clonesDirectory?: string;
    /** Annotation value -> Git URL or path, e.g. a local mirror of `acme/gitops`. */
    repositories: Record<string, string>;
  };
  /** Overlays folders config assigns to entities (besides the owner files in the repositories). */
  ownership: OwnershipEntry[];
  /** Per-environment links (logs, dashboards) from URL templates; none by default. */
  links: LinkTemplate[];
  /** Per-caller budgets (`environments.rateLimits`). */
  rateLimits: RateLimitsConfig;
  /** Argo CD / Flux defaults (`environments.gitopsAgents`). */
  gitopsAgents: GitopsAgentsConfig;
};

/**
 * Reads and validates `environments.*`; throws naming the key on invalid values. Read once, at
 * startup, by the config service (`environmentsConfigServiceRef`).
 */
export function readEnvironmentsConfig(config: Config): EnvironmentsConfig {
  const namespacePattern =
    config.getOptionalString('environments.previews.namespacePattern') ??
    'feature-pr-{number}';
  if (
    namespacePattern.split('{number}').length !== 2 ||
    namespacePattern.split('{service}').length > 2 ||
    !DNS1123_LABEL.test(
      namespacePattern.replace('{number}', '1').replace('{service}', 'a'),
    )
  ) {
    throw new Error(
      `Invalid config at 'environments.previews.namespacePattern': '${namespacePattern}' must contain {number} once, {service} at most once, and form a DNS-1123 label`,
    );
  }
  const repositories =
    config
      .getOptionalConfig('environments.gitops.repositories')
      ?.get<Record<string, string>>() ?? {};
  const chains = readChainsConfig(config);
  const links = readLinksConfig(config, chains);
  for (const env of [...chains.values()].flat()) {
    env.links = links.filter(link => linkAppliesTo(link, env.definition.name));
  }
  return {
    chains,
    previews: {
      namespacePattern,
      ttlMs: parseDuration(
        'environments.previews.ttl',
        config.getOptionalString('environments.previews.ttl') ?? '72h',
      ),
      reaper: readReaperConfig(config),
    },
    gitops: {
      branch: config.getOptionalString('environments.gitops.branch') ?? 'main',
      overlaysPath:
        config.getOptionalString('environments.gitops.overlaysPath') ??
        'k8s/overlays',
      cacheTtlMs: parseDuration(
        'environments.gitops.cacheTtl',
        config.getOptionalString('environments.gitops.cacheTtl') ?? '30s',
      ),
      clonesDirectory: config.getOptionalString(
        'environments.gitops.clonesDirectory',
      ),
      repositories,
    },
    ownership: readOwnershipConfig(config),
    links,
    rateLimits: readRateLimitsConfig(config),
    gitopsAgents: readGitopsAgentsConfig(config),
  };
}
