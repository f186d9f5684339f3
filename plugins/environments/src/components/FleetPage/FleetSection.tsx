import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import type { FleetQuery } from '@stageline/plugin-environments-common';
import { useState } from 'react';
import { fleetApiRef } from '../../api/FleetApi';
import { usePolledValue } from '../../hooks/usePolledValue';
import { FleetTable } from '../FleetTable';
import { PolledContent } from '../PolledContent';

const PAGE = 50;

/**
 * One page of the fleet for a query, polled, with the pages before it reachable again: the
 * cursor of each page shown is kept, so "Previous" goes back without the server knowing pages.
 */
export const FleetSection = ({ query }: { query: FleetQuery }) => {
  const api = useApi(fleetApiRef);
  const [cursors, setCursors] = useState<string[]>([]);
  const [forQuery, setForQuery] = useState(JSON.stringify(query));
  const key = JSON.stringify(query);
  // A new query starts at its first page.
  if (key !== forQuery) {
    setForQuery(key);
    setCursors([]);
  }
  const cursor = cursors[cursors.length - 1];
  const polled = usePolledValue(
    `fleet ${key} ${cursor ?? ''}`,
    () => api.getFleet({ ...query, limit: PAGE, cursor }),
    30_000,
  );
  const first = cursors.length * PAGE + 1;
  return (
    <PolledContent polled={polled} failure="Could not load the services">
      {fleet => (
        <>
          <FleetTable fleet={fleet} />
          {fleet.services.length > 0 && (
            <Typography variant="caption" display="block">
              {first}–{first + fleet.services.length - 1} of {fleet.total}{' '}
              services
            </Typography>
          )}
          <Button
            disabled={cursors.length === 0}
            onClick={() => setCursors(cursors.slice(0, -1))}
          >
            Previous
          </Button>
          <Button
            disabled={!fleet.nextCursor}
            onClick={() => setCursors([...cursors, fleet.nextCursor!])}
          >
            Next
          </Button>
        </>
      )}
    </PolledContent>
  );
};
