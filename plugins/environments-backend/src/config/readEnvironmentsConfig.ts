import type { Config } from '@backstage/config';
import type { EnvironmentDefinition } from '@stageline/plugin-environments-common';
import type { EnvironmentPolicy } from '../promotions/types';
import { parseDuration } from './parseDuration';
import { readChainsConfig } from './readChainsConfig';
import { type LinkTemplate, readLinksConfig } from './readLinksConfig';
import {
  type OwnershipEntry,
  readOwnershipConfig,
} from './readOwnershipConfig';
import { readPoliciesConfig } from './readPoliciesConfig';
import { type ReaperConfig, readReaperConfig } from './readReaperConfig';

/** Everything the plugin takes from `environments.*`, validated and defaulted. */
export type EnvironmentsConfig = {
  chains: Map<string, EnvironmentDefinition[]>;
  /** Chain -> environment -> gates and execution of promotions into it. */
  policies: Map<string, Map<string, EnvironmentPolicy>>;
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
};

const PATTERN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Reads and validates `environments.*`; throws naming the key on invalid values. */
export function readEnvironmentsConfig(config: Config): EnvironmentsConfig {
  const namespacePattern =
    config.getOptionalString('environments.previews.namespacePattern') ??
    'feature-pr-{number}';
  if (
    namespacePattern.split('{number}').length !== 2 ||
    namespacePattern.split('{service}').length > 2 ||
    !PATTERN.test(
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
  return {
    chains,
    policies: readPoliciesConfig(config),
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
    links: readLinksConfig(config, chains),
  };
}
