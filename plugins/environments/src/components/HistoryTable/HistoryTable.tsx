import type {
  EnvironmentState,
  Promotion,
} from '@stageline/plugin-environments-common';
import { Text } from '@backstage/ui';
import { promotionStateLabels } from '../../util/promotionStateLabels';
import { timeAgo } from '../../util/timeAgo';
import { type DataColumn, DataTable } from '../DataTable';
import { PromotionLinks } from '../PromotionLinks';
import { VersionLabel } from '../VersionLabel';
import { RollbackButton } from './RollbackButton';
import { isRollbackCandidate } from './isRollbackCandidate';

/** Every promotion and rollback of the service, newest first, with rollback where permitted. */
export const HistoryTable = (props: {
  promotions: Promotion[];
  environments: EnvironmentState[];
  mayRollback: boolean;
  projectSlug?: string;
  onChanged: () => void;
}) => {
  if (!props.promotions.length) {
    return <Text variant="body-medium">No promotions yet.</Text>;
  }
  const columns: DataColumn<Promotion>[] = [
    {
      title: 'When',
      render: p => <span title={p.createdAt}>{timeAgo(p.createdAt)}</span>,
    },
    { title: 'Who', render: p => p.requestedBy },
    {
      title: 'From → to',
      render: p =>
        p.kind === 'rollback'
          ? `rollback of ${p.target}`
          : `${p.source ?? '—'} → ${p.target}`,
    },
    {
      title: 'Version',
      render: p => (
        <VersionLabel image={p.version} projectSlug={props.projectSlug} />
      ),
    },
    {
      title: 'Result',
      render: p => (
        <span title={p.stateReason}>{promotionStateLabels[p.state]}</span>
      ),
    },
    { title: 'Link', render: p => <PromotionLinks links={p.links} /> },
    {
      title: 'Actions',
      render: p =>
        props.mayRollback &&
        isRollbackCandidate(p, props.environments, props.promotions) ? (
          <RollbackButton promotion={p} onChanged={props.onChanged} />
        ) : null,
    },
  ];
  return (
    <DataTable
      label="Promotion history"
      columns={columns}
      rows={props.promotions}
      rowKey={p => p.id}
    />
  );
};
