import type {
  EnvironmentState,
  Promotion,
} from '@stageline/plugin-environments-common';
import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { isAutomaticRollback } from '../../util/isAutomaticRollback';
import { BreakGlassBadge } from '../BreakGlassBadge';
import { promotionStateKinds } from '../../util/promotionStateKinds';
import { resultLabel } from '../../util/resultLabel';
import { type DataColumn, DataTable } from '../DataTable';
import { PromotionLinks } from '../PromotionLinks';
import { StatusWord } from '../StatusWord';
import { Timestamp } from '../Timestamp';
import { VersionLabel } from '../VersionLabel';
import { VisuallyHidden } from '../VisuallyHidden';
import { RollbackButton } from './RollbackButton';
import { isRollbackCandidate } from './isRollbackCandidate';

function approversOf(promotion: Promotion): string {
  const approvers = promotion.approvals
    .filter(a => a.valid && a.decision === 'approved')
    .map(a => a.user);
  return approvers.length ? approvers.join(', ') : '—';
}

/** Every promotion and rollback of the service, newest first, with rollback where permitted. */
export const HistoryTable = (props: {
  promotions: Promotion[];
  environments: EnvironmentState[];
  mayRollback: boolean;
  projectSlug?: string;
  onChanged: () => void;
}) => {
  if (!props.promotions.length) {
    return <Typography variant="body2">No promotions yet.</Typography>;
  }
  const columns: DataColumn<Promotion>[] = [
    {
      title: 'When',
      render: p => (
        <>
          <Timestamp iso={p.createdAt} />
          <div>
            <Link to={`promotions/${encodeURIComponent(p.id)}`}>
              Details<VisuallyHidden> of this {p.kind}</VisuallyHidden>
            </Link>
          </div>
        </>
      ),
    },
    { title: 'Who', render: p => p.requestedBy },
    {
      title: 'From → to',
      render: p =>
        p.kind === 'rollback'
          ? `${isAutomaticRollback(p) ? 'automatic ' : ''}rollback of ${
              p.target
            }`
          : `${p.source ?? '—'} → ${p.target}`,
    },
    {
      title: 'Version',
      render: p => (
        <VersionLabel image={p.version} projectSlug={props.projectSlug} />
      ),
    },
    {
      title: 'Reason',
      render: p => (
        <>
          {p.reason ?? '—'}
          {p.breakGlass && (
            <div>
              <BreakGlassBadge breakGlass={p.breakGlass} />
            </div>
          )}
        </>
      ),
    },
    { title: 'Approved by', render: approversOf },
    {
      title: 'Result',
      render: p => (
        <>
          <StatusWord kind={promotionStateKinds[p.state]}>
            {resultLabel(p)}
          </StatusWord>
          {/* The reason of a cancelled promotion usually names who cancelled it already. */}
          {p.cancelledBy && !p.stateReason?.includes(p.cancelledBy) && (
            <Typography variant="body2" color="textSecondary">
              by {p.cancelledBy}
            </Typography>
          )}
          {p.stateReason && (
            <Typography variant="body2" color="textSecondary">
              {p.stateReason}
            </Typography>
          )}
        </>
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
