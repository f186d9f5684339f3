import type { Config } from '@backstage/config';
import { gitopsAgentsSchema } from './agentSchema';
import { parseConfigValue } from './parseConfigValue';

/** `environments.gitopsAgents`, defaulted: no agent cluster, no UI link, no refresh nudge. */
export type GitopsAgentsConfig = {
  argoCd: { cluster?: string; uiBaseUrl?: string };
  refresh: boolean;
};

/** Reads `environments.gitopsAgents`; throws naming the key on bad values. */
export function readGitopsAgentsConfig(config: Config): GitopsAgentsConfig {
  const key = 'environments.gitopsAgents';
  const parsed = parseConfigValue(
    gitopsAgentsSchema,
    config.getOptional(key) ?? {},
    key,
  );
  return {
    argoCd: {
      cluster: parsed.argoCd?.cluster,
      uiBaseUrl: parsed.argoCd?.uiBaseUrl?.replace(/\/+$/, ''),
    },
    refresh: parsed.refresh ?? false,
  };
}
