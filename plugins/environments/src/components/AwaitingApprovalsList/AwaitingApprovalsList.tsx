import { useApi } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import Typography from '@material-ui/core/Typography';
import type { AwaitingApproval } from '@stageline/plugin-environments-common';
import { fleetApiRef } from '../../api/FleetApi';
import { useDisplayNames } from '../../hooks/useDisplayNames';
import { usePolledValue } from '../../hooks/usePolledValue';
import { type DataColumn, DataTable } from '../DataTable';
import { EntityEnvironmentsLink } from '../EntityEnvironmentsLink';
import { PolledContent } from '../PolledContent';
import { Timestamp } from '../Timestamp';
import { VersionLabel } from '../VersionLabel';

function columnsNaming(
  nameOf: (ref: string) => string,
): DataColumn<AwaitingApproval>[] {
  return [
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
    { title: 'Requested by', render: p => nameOf(p.requestedBy) },
    {
      title: 'Approvals',
      render: p => `${p.approvals} of ${p.approvalsRequired}`,
    },
    { title: 'Requested', render: p => <Timestamp iso={p.createdAt} /> },
  ];
}

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
  // Requesters by their catalog display names, all rows' in one catalog request.
  const nameOf = useDisplayNames(
    (polled.value?.promotions ?? []).map(p => p.requestedBy),
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
            columns={columnsNaming(nameOf)}
            rows={promotions}
            rowKey={p => p.id}
          />
        )
      }
    </PolledContent>
  );
};
