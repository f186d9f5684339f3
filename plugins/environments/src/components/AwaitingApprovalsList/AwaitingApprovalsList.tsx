import { Link, Progress, WarningPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import type { AwaitingApproval } from '@stageline/plugin-environments-common';
import { fleetApiRef } from '../../api/FleetApi';
import { usePolledValue } from '../../hooks/usePolledValue';
import { errorMessage } from '../../util/errorMessage';
import { type DataColumn, DataTable } from '../DataTable';
import { Timestamp } from '../Timestamp';
import { VersionLabel } from '../VersionLabel';

/**
 * The promotions the signed-in user could approve now (not requested by them, not decided yet),
 * each linking to its service's Environments tab where the approval form is.
 */
export const AwaitingApprovalsList = () => {
  const api = useApi(fleetApiRef);
  const entityRoute = useRouteRef(entityRouteRef);
  const { value, error, loading } = usePolledValue(
    'approvals/mine',
    () => api.getAwaitingApprovals(),
    30_000,
  );
  if (loading) return <Progress />;
  if (error && !value) {
    return (
      <WarningPanel
        severity="error"
        title="Could not load the promotions awaiting your approval"
        message={errorMessage(error)}
      />
    );
  }
  const promotions = value?.promotions ?? [];
  if (promotions.length === 0) {
    return <Typography>Nothing awaits your approval.</Typography>;
  }
  const columns: DataColumn<AwaitingApproval>[] = [
    {
      title: 'Service',
      render: p => {
        const ref = parseEntityRef(p.entityRef);
        return (
          <Link
            to={`${entityRoute({
              kind: ref.kind.toLocaleLowerCase('en-US'),
              namespace: ref.namespace,
              name: ref.name,
            })}/environments`}
          >
            {ref.name}
          </Link>
        );
      },
    },
    {
      title: 'Into',
      render: p => (p.source ? `${p.source} → ${p.target}` : p.target),
    },
    { title: 'Version', render: p => <VersionLabel image={p.version} /> },
    { title: 'Requested by', render: p => p.requestedBy },
    {
      title: 'Approvals',
      render: p => `${p.approvals} of ${p.approvalsRequired}`,
    },
    { title: 'Requested', render: p => <Timestamp iso={p.createdAt} /> },
  ];
  return (
    <DataTable
      label="Awaiting my approval"
      columns={columns}
      rows={promotions}
      rowKey={p => p.id}
    />
  );
};
