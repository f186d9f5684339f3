import type { Entity } from '@backstage/catalog-model';
import {
  type EnvironmentState,
  type FleetEnvironment,
  type FleetLag,
  type FleetPromotion,
  type FleetService,
  type FleetStateFilter,
  type ImageReference,
  type Promotion,
  sameVersion,
} from '@stageline/plugin-environments-common';
import type { GitRepository } from '../gitops/types';
import type { ChainState } from '../readmodel/ChainState';
import { entitySummary, type EntitySummary } from './entitySummary';

const COMMIT_SHA = /^[0-9a-f]{7,40}$/;

/**
 * One fleet row from a service's chain state (read from the caches) and its promotions in
 * flight. Commits of the lag come only from comparisons already in memory: no Git read.
 */
export function toFleetService(
  entity: Entity,
  state: ChainState,
  inFlight: Promotion[],
  summary: EntitySummary = entitySummary(entity),
): FleetService {
  const { response, sourceRepository } = state;
  const cells = response.environments.map(env =>
    toCell(
      env,
      inFlight.find(p => p.target === env.name),
    ),
  );
  cells.forEach((cell, index) => {
    if (index > 0) {
      cell.lag = lagOf(cells[index - 1], cell, sourceRepository);
    }
  });
  return {
    ...summary,
    chain: response.chain,
    environments: cells,
  };
}

function toCell(
  env: EnvironmentState,
  promotion?: Promotion,
): FleetEnvironment {
  const flags: FleetStateFilter[] = [];
  if (env.sync.status === 'drifted' || env.sync.status === 'tag-moved') {
    flags.push('drifted');
  }
  if (
    env.sync.status === 'degraded' ||
    env.live?.health === 'degraded' ||
    env.live?.rollout === 'failed'
  ) {
    flags.push('failing');
  }
  if (promotion?.state === 'awaiting-approval') {
    flags.push('waiting-for-approval');
  }
  return {
    name: env.name,
    version: env.desired?.image ?? env.live?.image,
    sync: env.sync.status,
    reason: env.sync.reason,
    flags,
    since: env.live?.since ?? env.desired?.changedAt,
    inFlight: promotion ? toFleetPromotion(promotion) : undefined,
    errors: env.errors.map(e => `${e.source}: ${e.message}`),
  };
}

function toFleetPromotion(p: Promotion): FleetPromotion {
  return {
    id: p.id,
    kind: p.kind,
    state: p.state,
    version: p.version,
    requestedBy: p.requestedBy,
    createdAt: p.createdAt,
  };
}

function lagOf(
  previous: FleetEnvironment,
  current: FleetEnvironment,
  source?: GitRepository,
): FleetLag | undefined {
  if (!previous.version) return undefined;
  if (current.version && sameVersion(previous.version, current.version)) {
    return { upToDate: true, commits: 0 };
  }
  return {
    upToDate: false,
    behindSince: previous.since,
    commits: cachedCommits(source, current.version, previous.version),
  };
}

/** Commits from `behind` to `ahead` when both tags are commit SHAs and compared before. */
function cachedCommits(
  source: GitRepository | undefined,
  behind: ImageReference | undefined,
  ahead: ImageReference,
): number | undefined {
  const from = behind?.tag;
  const to = ahead.tag;
  if (!source?.cachedComparison || !from || !to) return undefined;
  if (!COMMIT_SHA.test(from) || !COMMIT_SHA.test(to)) return undefined;
  const comparison = source.cachedComparison(from, to);
  return comparison && !comparison.truncated
    ? comparison.commits.length
    : undefined;
}
