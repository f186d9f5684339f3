import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import type { AwaitingAcknowledgement } from '@stageline/plugin-environments-common';
import { fleetApiRef } from '../../api/FleetApi';
import { useDisplayNames } from '../../hooks/useDisplayNames';
import { usePolledValue } from '../../hooks/usePolledValue';
import { type DataColumn, DataTable } from '../DataTable';
import { EntityEnvironmentsLink } from '../EntityEnvironmentsLink';
import { ExternalLink } from '../ExternalLink';
import { PolledContent } from '../PolledContent';
import { Timestamp } from '../Timestamp';
import { VersionLabel } from '../VersionLabel';
import { VisuallyHidden } from '../VisuallyHidden';

const TITLE = 'Break-glass awaiting acknowledgement';

const serviceName = (p: AwaitingAcknowledgement) =>
  parseEntityRef(p.entityRef).name;

/** What moved where: `staging → production`, or the rollback of an environment. */
const movement = (p: AwaitingAcknowledgement) =>
  p.kind === 'rollback'
    ? `rollback of ${p.target}`
    : `${p.source ?? '—'} → ${p.target}`;

function columnsNaming(
  nameOf: (ref: string) => string,
): DataColumn<AwaitingAcknowledgement>[] {
  return [
    {
      title: 'Service',
      render: p => (
        <EntityEnvironmentsLink entityRef={p.entityRef}>
          {serviceName(p)}
        </EntityEnvironmentsLink>
      ),
    },
    { title: 'Environment', render: movement },
    { title: 'Version', render: p => <VersionLabel image={p.version} /> },
    { title: 'Promoted by', render: p => nameOf(p.requestedBy) },
    { title: 'When', render: p => <Timestamp iso={p.createdAt} /> },
    { title: 'Reason', render: p => p.reason ?? '—' },
    {
      title: 'Incident',
      render: p => (
        <ExternalLink
          href={p.incident}
          aria-label={`Incident of the ${p.kind} of ${serviceName(p)} into ${
            p.target
          }`}
        >
          Incident
        </ExternalLink>
      ),
    },
    {
      title: 'Details',
      render: p => (
        <EntityEnvironmentsLink entityRef={p.entityRef} promotionId={p.id}>
          Details{' '}
          <VisuallyHidden>
            of the {p.kind} of {serviceName(p)} into {p.target}
          </VisuallyHidden>
        </EntityEnvironmentsLink>
      ),
    },
  ];
}

/**
 * The break-glass promotions no approver acknowledged yet, across every service the signed-in
 * user may read, each linking to its detail view where an approver acknowledges it. A card of
 * its own, shown only when there is one (or when they could not be loaded).
 */
export const AwaitingAcknowledgementList = () => {
  const api = useApi(fleetApiRef);
  const polled = usePolledValue(
    'fleet/breakglass',
    () => api.getAwaitingAcknowledgements(),
    30_000,
  );
  const promotions = polled.value?.promotions ?? [];
  // People by their catalog display names, all rows' in one catalog request.
  const nameOf = useDisplayNames(promotions.map(p => p.requestedBy));
  const failed = polled.error && polled.value === undefined;
  if (polled.loading || (promotions.length === 0 && !failed)) return null;
  return (
    <InfoCard
      title={TITLE}
      titleTypographyProps={{ component: 'h2' }}
      subheader="Promoted past freeze windows, soak time and approvals: an approver acknowledges each on its detail view"
    >
      <PolledContent
        polled={polled}
        failure="Could not load the break-glass promotions awaiting acknowledgement"
      >
        {value =>
          value.promotions.length > 0 && (
            <DataTable
              label={TITLE}
              columns={columnsNaming(nameOf)}
              rows={value.promotions}
              rowKey={p => p.id}
            />
          )
        }
      </PolledContent>
    </InfoCard>
  );
};
