import { resolve } from 'node:path';
import type { DemoOptions } from './DemoOptions';

/**
 * Demo settings from the environment: `STAGELINE_DEMO_CLUSTER_PORT` (7077),
 * `STAGELINE_DEMO_CLUSTER_TOKEN` (`stageline-demo-token`), `STAGELINE_DEMO_GITOPS_DIR`
 * (`.stageline/git/gitops.git`, from the working directory: the repository root), `STAGELINE_DEMO_BRANCH` (`main`),
 * `STAGELINE_DEMO_SYNC_MS` (1000), `STAGELINE_DEMO_ROLLOUT_MS` (3000) and
 * `STAGELINE_DEMO_AGENT_DELAY_MS` (2000: how long Argo CD takes to apply a new revision) and
 * `STAGELINE_DEMO_HEALTH_PORT` (7078: the health endpoints, DemoHealthEndpoints.ts).
 *
 * @throws Error naming the variable that holds a bad value.
 */
export function readDemoOptions(env: NodeJS.ProcessEnv): DemoOptions {
  return {
    port: readInteger(env, 'STAGELINE_DEMO_CLUSTER_PORT', 7077, 1, 65535),
    token: env.STAGELINE_DEMO_CLUSTER_TOKEN || 'stageline-demo-token',
    gitDir: resolve(
      env.STAGELINE_DEMO_GITOPS_DIR || '.stageline/git/gitops.git',
    ),
    branch: env.STAGELINE_DEMO_BRANCH || 'main',
    syncIntervalMs: readInteger(
      env,
      'STAGELINE_DEMO_SYNC_MS',
      1000,
      10,
      60_000,
    ),
    rolloutMs: readInteger(env, 'STAGELINE_DEMO_ROLLOUT_MS', 3000, 0, 600_000),
    agentSyncDelayMs: readInteger(
      env,
      'STAGELINE_DEMO_AGENT_DELAY_MS',
      2000,
      0,
      600_000,
    ),
    healthPort: readInteger(env, 'STAGELINE_DEMO_HEALTH_PORT', 7078, 0, 65535),
  };
}

function readInteger(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(
      `${name} must be an integer from ${min} to ${max}, got '${raw}'`,
    );
  }
  return value;
}
