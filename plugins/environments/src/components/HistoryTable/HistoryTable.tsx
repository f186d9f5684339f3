import type {
  EnvironmentState,
  Promotion,
} from '@stageline/plugin-environments-common';
import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { useDisplayNames } from '../../hooks/useDisplayNames';
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

function approversOf(
  promotion: Promotion,
  nameOf: (ref: string) => string,
): string {
  const approvers = promotion.approvals
    .filter(a => a.valid && a.decision === 'approved')
    .map(a => nameOf(a.user));
  return approvers.length ? approvers.join(', ') : '—';
}

/**
 * Who ended a promotion: who cancelled it, unless its reason names them already; or who rejected
 * it.
 */
function endedBy(p: Promotion): string[] | undefined {
  if (p.cancelledBy) {
    return p.stateReason?.includes(p.cancelledBy) ? undefined : [p.cancelledBy];
  }
  if (p.state !== 'rejected') return undefined;
  const rejecters = p.approvals
    .filter(a => a.valid && a.decision === 'rejected')
    .map(a => a.user);
  return rejecters.length ? rejecters : undefined;
}

/** Everyone a row names: requester, approvers, who cancelled and who acknowledged break-glass. */
function peopleOf(promotions: Promotion[]): string[] {
  return promotions.flatMap(p => [
    p.requestedBy,
    ...p.approvals.map(a => a.user),
    ...(p.cancelledBy ? [p.cancelledBy] : []),
    ...(p.breakGlass?.acknowledgedBy ? [p.breakGlass.acknowledgedBy] : []),
  ]);
}

/** Every promotion and rollback of the service, newest first, with rollback where permitted. */
export const HistoryTable = (props: {
  promotions: Promotion[];
  environments: EnvironmentState[];
  mayRollback: boolean;
  projectSlug?: string;
  onChanged: () => void;
}) => {
  // People by their catalog display names, all rows' in one catalog request.
  const nameOf = useDisplayNames(peopleOf(props.promotions));
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
    { title: 'Who', render: p => nameOf(p.requestedBy) },
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
              <BreakGlassBadge breakGlass={p.breakGlass} nameOf={nameOf} />
            </div>
          )}
        </>
      ),
    },
    { title: 'Approved by', render: p => approversOf(p, nameOf) },
    {
      title: 'Result',
      render: p => (
        <>
          <StatusWord kind={promotionStateKinds[p.state]}>
            {resultLabel(p)}
          </StatusWord>
          {endedBy(p) && (
            <Typography variant="body2" color="textSecondary">
              by {endedBy(p)!.map(nameOf).join(', ')}
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
