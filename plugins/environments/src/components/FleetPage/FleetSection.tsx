import { Progress, WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import type { FleetQuery } from '@stageline/plugin-environments-common';
import { useState } from 'react';
import { fleetApiRef } from '../../api/FleetApi';
import { usePolledValue } from '../../hooks/usePolledValue';
import { errorMessage } from '../../util/errorMessage';
import { FleetTable } from '../FleetTable';

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
  const { value, error, loading } = usePolledValue(
    `fleet ${key} ${cursor ?? ''}`,
    () => api.getFleet({ ...query, limit: PAGE, cursor }),
    30_000,
  );
  if (loading) return <Progress />;
  if (error && !value) {
    return (
      <WarningPanel
        severity="error"
        title="Could not load the services"
        message={errorMessage(error)}
      />
    );
  }
  if (!value) return null;
  const first = cursors.length * PAGE + 1;
  return (
    <>
      <FleetTable fleet={value} />
      {value.services.length > 0 && (
        <Typography variant="caption" display="block">
          {first}–{first + value.services.length - 1} of {value.total} services
        </Typography>
      )}
      <Button
        disabled={cursors.length === 0}
        onClick={() => setCursors(cursors.slice(0, -1))}
      >
        Previous
      </Button>
      <Button
        disabled={!value.nextCursor}
        onClick={() => setCursors([...cursors, value.nextCursor!])}
      >
        Next
      </Button>
    </>
  );
};
