import type { ExecutionMode } from '@stageline/plugin-environments-common';
import type { ExecutionConfig, ExecutionDefaults } from './Environment';
import type { ChainEnvironmentConfig } from './chainsSchema';

/**
 * Auto-merge means merging a pull request: `autoMerge: true` set under `key` (an environment, or
 * `environments.gitops` for the defaults) with another mode is a config error.
 */
export function assertAutoMergeApplies(
  mode: ExecutionMode,
  autoMerge: boolean | undefined,
  key: string,
): void {
  if (autoMerge && mode !== 'pull-request') {
    throw new Error(
      `Invalid config at '${key}.autoMerge': auto-merge applies to pull-request mode only, not ${mode}`,
    );
  }
}

/**
 * The execution of one environment: its own keys over the `environments.gitops` defaults.
 * `key` is the environment's config key (`environments.chains.<chain>.<index>`), for errors.
 */
export function resolveExecution(
  env: Pick<
    ChainEnvironmentConfig,
    'mode' | 'autoMerge' | 'workflow' | 'rolloutTimeout'
  >,
  defaults: ExecutionDefaults,
  key: string,
): ExecutionConfig {
  const mode = env.mode ?? defaults.mode;
  assertAutoMergeApplies(mode, env.autoMerge, key);
  const execution: ExecutionConfig = {
    mode,
    // An inherited auto-merge means nothing outside pull-request mode.
    autoMerge: mode === 'pull-request' && (env.autoMerge ?? defaults.autoMerge),
    rolloutTimeoutMs: env.rolloutTimeout ?? defaults.rolloutTimeoutMs,
  };
  if (mode !== 'workflow-dispatch') return execution;
  const workflow = env.workflow ?? defaults.workflow;
  if (!workflow) {
    const missing = env.mode
      ? `${key}.workflow`
      : 'environments.gitops.workflow';
    throw new Error(
      `Invalid config at '${missing}': workflow-dispatch mode needs a workflow file, e.g. { file: deploy.yml }`,
    );
  }
  return {
    ...execution,
    workflow: { file: workflow.file, ref: workflow.ref ?? defaults.branch },
  };
}
