import type { Config } from '@backstage/config';
import type { ExecutionDefaults } from './Environment';
import { executionSchema } from './executionSchema';
import { parseConfigValue } from './parseConfigValue';
import { assertAutoMergeApplies } from './resolveExecution';

const KEY = 'environments.gitops';

/** Reads the execution keys of `environments.gitops`; throws naming the key on bad values. */
export function readExecutionDefaults(config: Config): ExecutionDefaults {
  const raw = {
    mode: config.getOptional(`${KEY}.mode`),
    autoMerge: config.getOptional(`${KEY}.autoMerge`),
    workflow: config.getOptional(`${KEY}.workflow`),
    rolloutTimeout: config.getOptional(`${KEY}.rolloutTimeout`),
  };
  const parsed = parseConfigValue(executionSchema, raw, KEY);
  const mode = parsed.mode ?? 'pull-request';
  assertAutoMergeApplies(mode, parsed.autoMerge, KEY);
  return {
    mode,
    autoMerge: parsed.autoMerge ?? false,
    rolloutTimeoutMs: parsed.rolloutTimeout ?? 30 * 60_000,
    ...(parsed.workflow && { workflow: parsed.workflow }),
    branch: config.getOptionalString(`${KEY}.branch`) ?? 'main',
  };
}
