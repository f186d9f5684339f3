import type {
  EnvironmentState,
  MigrationState,
  Promotion,
} from '@stageline/plugin-environments-common';

/** How a promotion's reason starts while it waits for (or failed on) its migrations Job. */
export const MIGRATIONS_REASON_PREFIX = 'Migrations Job';

/**
 * The target's migrations Job for the promoted version, if it has one: the Job runs the
 * version's image (same digest, or same tag when either has no digest), or runs another image
 * (a labelled migrations tool) and started after the promotion was requested.
 */
export function migrationForPromotion(
  promotion: Pick<Promotion, 'version' | 'createdAt'>,
  target: EnvironmentState | undefined,
): MigrationState | undefined {
  const migration = target?.live?.migration;
  if (!migration) return undefined;
  const { version } = promotion;
  const image = migration.image;
  if (image?.name === version.name) {
    const same =
      image.digest && version.digest
        ? image.digest === version.digest
        : image.tag !== undefined && image.tag === version.tag;
    return same ? migration : undefined;
  }
  const startedAt = migration.startedAt && Date.parse(migration.startedAt);
  return startedAt && startedAt >= Date.parse(promotion.createdAt)
    ? migration
    : undefined;
}

/**
 * Why the rollout does not count while the target's layout declares a migrations Job (Git says
 * so) that the cluster does not show for the version yet: the GitOps agent has not applied it.
 */
export function undeployedMigrationReason(): string {
  return `${MIGRATIONS_REASON_PREFIX} is pending: declared in Git, not yet applied to the cluster; the rollout counts once it succeeded`;
}

/** One sentence on a migrations Job that is not done: why the rollout does not count yet. */
export function migrationReason(migration: MigrationState): string {
  const name = `${MIGRATIONS_REASON_PREFIX} ${migration.job}`;
  switch (migration.phase) {
    case 'failed':
      return `${name} failed: ${migration.message ?? 'no message'}`;
    case 'running':
      return `${name} is running: the rollout counts once it succeeded`;
    case 'pending':
      return `${name} is pending: the rollout counts once it succeeded`;
    default:
      return `${name} succeeded`;
  }
}
