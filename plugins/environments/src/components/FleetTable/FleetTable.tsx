import { formatDuration } from '@stageline/plugin-environments-common';
import Typography from '@material-ui/core/Typography';
import type {
  FleetEnvironment,
  FleetResponse,
  FleetService,
} from '@stageline/plugin-environments-common';
import { promotionStateLabels } from '../../util/promotionStateLabels';
import { syncLabels } from '../../util/syncLabels';
import { syncStatusKinds } from '../../util/syncStatusKinds';
import { type DataColumn, DataTable } from '../DataTable';
import { EntityEnvironmentsLink } from '../EntityEnvironmentsLink';
import { StatusWord } from '../StatusWord';
import { Timestamp } from '../Timestamp';
import { VersionLabel } from '../VersionLabel';

const flagLabels: Record<FleetEnvironment['flags'][number], string> = {
  drifted: 'drifted',
  failing: 'failing',
  'waiting-for-approval': 'waiting for approval',
};

/** How far an environment lags the one before it, as one short phrase. */
export function lagText(
  env: FleetEnvironment,
  now: number,
): string | undefined {
  const { lag } = env;
  if (!lag) return undefined;
  if (lag.upToDate) return 'up to date';
  const parts: string[] = [];
  if (lag.commits !== undefined) {
    parts.push(`${lag.commits} commit${lag.commits === 1 ? '' : 's'}`);
  }
  if (lag.behindSince) {
    parts.push(formatDuration(now - Date.parse(lag.behindSince)));
  }
  return parts.length ? `behind by ${parts.join(', ')}` : 'behind';
}

const EnvironmentCell = ({
  env,
  now,
}: {
  env?: FleetEnvironment;
  now: number;
}) => {
  if (!env) return <Typography variant="body2">—</Typography>;
  const lag = lagText(env, now);
  return (
    <>
      <VersionLabel image={env.version} />
      <div>
        <StatusWord kind={syncStatusKinds[env.sync]}>
          {syncLabels[env.sync]}
          {env.flags
            .filter(f => f !== 'drifted' || env.sync !== 'drifted')
            .map(f => `, ${flagLabels[f]}`)
            .join('')}
        </StatusWord>
      </div>
      {env.since && (
        <Typography variant="caption" display="block">
          since <Timestamp iso={env.since} />
        </Typography>
      )}
      {env.inFlight && (
        <Typography variant="caption" display="block">
          {env.inFlight.kind === 'rollback' ? 'Rollback' : 'Promotion'}:{' '}
          {promotionStateLabels[env.inFlight.state]}
        </Typography>
      )}
      {lag && (
        <Typography variant="caption" display="block" color="textSecondary">
          {lag}
        </Typography>
      )}
      {env.errors.length > 0 && (
        <Typography variant="caption" display="block" color="error">
          {env.errors.join('; ')}
        </Typography>
      )}
    </>
  );
};

/**
 * Services by environments: per environment the version, its state icon and word, since when,
 * a promotion in flight and the lag behind the previous environment. Each service links to its
 * Environments tab.
 */
export const FleetTable = ({
  fleet,
  label = 'Services by environment',
}: {
  fleet: FleetResponse;
  label?: string;
}) => {
  const now = Date.parse(fleet.generatedAt) || Date.now();
  const columns: DataColumn<FleetService>[] = [
    {
      title: 'Service',
      render: service => (
        <>
          <EntityEnvironmentsLink entityRef={service.entityRef}>
            {service.title ?? service.name}
          </EntityEnvironmentsLink>
          {service.error && (
            <Typography variant="caption" display="block" color="error">
              {service.error}
            </Typography>
          )}
        </>
      ),
    },
    ...fleet.environments.map(name => ({
      title: name,
      render: (service: FleetService) => (
        <EnvironmentCell
          env={service.environments.find(e => e.name === name)}
          now={now}
        />
      ),
    })),
  ];
  if (fleet.services.length === 0) {
    return <Typography>No services match.</Typography>;
  }
  return (
    <DataTable
      label={label}
      columns={columns}
      rows={fleet.services}
      rowKey={s => s.entityRef}
    />
  );
};
