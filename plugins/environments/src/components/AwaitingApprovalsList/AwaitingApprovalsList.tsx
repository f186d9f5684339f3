import { useApi } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import Typography from '@material-ui/core/Typography';
import type { AwaitingApproval } from '@stageline/plugin-environments-common';
import { fleetApiRef } from '../../api/FleetApi';
import { usePolledValue } from '../../hooks/usePolledValue';
import { type DataColumn, DataTable } from '../DataTable';
import { EntityEnvironmentsLink } from '../EntityEnvironmentsLink';
import { PolledContent } from '../PolledContent';
import { Timestamp } from '../Timestamp';
import { VersionLabel } from '../VersionLabel';

const columns: DataColumn<AwaitingApproval>[] = [
  {
    title: 'Service',
    render: p => (
      <EntityEnvironmentsLink entityRef={p.entityRef}>
        {parseEntityRef(p.entityRef).name}
      </EntityEnvironmentsLink>
    ),
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

/**
 * The promotions the signed-in user could approve now (not requested by them, not decided yet),
 * each linking to its service's Environments tab where the approval form is.
 */
export const AwaitingApprovalsList = () => {
  const api = useApi(fleetApiRef);
  const polled = usePolledValue(
    'approvals/mine',
    () => api.getAwaitingApprovals(),
    30_000,
  );
  return (
    <PolledContent
      polled={polled}
      failure="Could not load the promotions awaiting your approval"
    >
      {({ promotions }) =>
        promotions.length === 0 ? (
          <Typography>Nothing awaits your approval.</Typography>
        ) : (
          <DataTable
            label="Awaiting my approval"
            columns={columns}
            rows={promotions}
            rowKey={p => p.id}
          />
        )
      }
    </PolledContent>
  );
};
