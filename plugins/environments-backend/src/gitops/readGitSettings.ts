import type { Config } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  type GithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';

/** What reading and writing Git repositories share, from config with the caller's overrides. */
export type GitSettings = {
  integrations: ScmIntegrations;
  credentialsProvider: GithubCredentialsProvider;
  /** Host of `owner/repo` values: the only configured GitHub integration, else github.com. */
  defaultGithubHost: string;
  branch: string;
  clonesDirectory: string;
};

/**
 * Reads `integrations.github` and `environments.gitops.{branch,clonesDirectory}` the same way
 * for the repository readers and the overlay writers.
 */
export function readGitSettings(
  config: Config,
  overrides: {
    branch?: string;
    clonesDirectory?: string;
    credentialsProvider?: GithubCredentialsProvider;
  },
): GitSettings {
  const integrations = ScmIntegrations.fromConfig(config);
  const configured = config.getOptionalConfigArray('integrations.github') ?? [];
  const clonesDirectory =
    overrides.clonesDirectory ??
    config.getOptionalString('environments.gitops.clonesDirectory');
  return {
    integrations,
    credentialsProvider:
      overrides.credentialsProvider ??
      DefaultGithubCredentialsProvider.fromIntegrations(integrations),
    defaultGithubHost:
      configured.length === 1
        ? configured[0].getOptionalString('host') ?? 'github.com'
        : 'github.com',
    branch:
      overrides.branch ??
      config.getOptionalString('environments.gitops.branch') ??
      'main',
    clonesDirectory: clonesDirectory
      ? resolvePath(clonesDirectory)
      : join(tmpdir(), 'stageline-git'),
  };
}
