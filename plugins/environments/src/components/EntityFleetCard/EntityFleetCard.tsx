import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { fleetApiRef } from '../../api/FleetApi';
import { usePolledValue } from '../../hooks/usePolledValue';
import { FleetTable } from '../FleetTable';
import { PolledContent } from '../PolledContent';

const LIMIT = 100;

/**
 * The fleet table scoped to a System's or Group's components, for their entity pages: each
 * component's environments, linking to its Environments tab.
 */
export const EntityFleetCard = () => {
  const { entity } = useEntity();
  const api = useApi(fleetApiRef);
  const scope = stringifyEntityRef(entity);
  const polled = usePolledValue(
    `fleet card ${scope}`,
    () => api.getFleet({ scope, limit: LIMIT }),
    30_000,
  );
  return (
    <InfoCard title="Environments">
      <PolledContent
        polled={polled}
        failure="Could not load the environments of its components"
      >
        {fleet => (
          <>
            <FleetTable
              fleet={fleet}
              label={`Environments of ${entity.metadata.name}'s components`}
            />
            {fleet.total > fleet.services.length && (
              <Typography variant="caption" display="block">
                The first {fleet.services.length} of {fleet.total} components;
                the Environments page lists them all.
              </Typography>
            )}
          </>
        )}
      </PolledContent>
    </InfoCard>
  );
};
