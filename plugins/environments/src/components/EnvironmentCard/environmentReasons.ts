import type { EnvironmentState } from '@stageline/plugin-environments-common';

/**
 * Everything that explains an environment's state, most specific first and each sentence once:
 * read errors, the sync reason (unless in sync) and the workloads' health reasons. The card shows
 * the first and keeps the rest behind "Details", so an outage reads as one sentence, not seven.
 */
export function environmentReasons(env: EnvironmentState): string[] {
  const reasons = [
    ...env.errors.map(
      e => `${e.source === 'cluster' ? 'Cluster' : 'Git'}: ${e.message}`,
    ),
    ...(env.sync.status === 'in-sync' || !env.sync.reason
      ? []
      : [env.sync.reason]),
    ...(env.live?.reasons ?? []),
  ];
  return [...new Set(reasons)];
}
