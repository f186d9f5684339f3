import { InfoCard, Progress, WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { fleetApiRef } from '../../api/FleetApi';
import { usePolledValue } from '../../hooks/usePolledValue';
import { errorMessage } from '../../util/errorMessage';
import { FleetTable } from '../FleetTable';

const LIMIT = 100;

/**
 * The fleet table scoped to a System's or Group's components, for their entity pages: each
 * component's environments, linking to its Environments tab.
 */
export const EntityFleetCard = () => {
  const { entity } = useEntity();
  const api = useApi(fleetApiRef);
  const scope = stringifyEntityRef(entity);
  const { value, error, loading } = usePolledValue(
    `fleet card ${scope}`,
    () => api.getFleet({ scope, limit: LIMIT }),
    30_000,
  );
  let body;
  if (loading) body = <Progress />;
  else if (error && !value) {
    body = (
      <WarningPanel
        severity="error"
        title="Could not load the environments of its components"
        message={errorMessage(error)}
      />
    );
  } else if (value) {
    body = (
      <>
        <FleetTable
          fleet={value}
          label={`Environments of ${entity.metadata.name}'s components`}
        />
        {value.total > value.services.length && (
          <Typography variant="caption" display="block">
            The first {value.services.length} of {value.total} components; the
            Environments page lists them all.
          </Typography>
        )}
      </>
    );
  }
  return <InfoCard title="Environments">{body}</InfoCard>;
};
