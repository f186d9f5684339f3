import type {
  Promotion,
  PromotionSchedule,
} from '@stageline/plugin-environments-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { isAutomaticRollback } from '../../util/isAutomaticRollback';
import { BreakGlassBadge } from '../BreakGlassBadge';
import { promotionStateKinds } from '../../util/promotionStateKinds';
import { resultLabel } from '../../util/resultLabel';
import { PromotionLinks } from '../PromotionLinks';
import { PromotionStepper } from '../PromotionStepper';
import { StatusWord } from '../StatusWord';
import { Timestamp, exactTime } from '../Timestamp';
import { VersionLabel } from '../VersionLabel';
import { WaitingFor } from '../WaitingFor';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(8em, max-content) minmax(0, 1fr)',
    gap: theme.spacing(0.5, 2),
    margin: 0,
    overflowWrap: 'anywhere',
  },
  term: { fontWeight: theme.typography.fontWeightBold as number },
  detail: { margin: 0 },
}));

/** When a scheduled promotion was asked to run, in words with exact local times. */
function scheduleWords(schedule: PromotionSchedule): string {
  return [
    ...(schedule.notBefore
      ? [`not before ${exactTime(schedule.notBefore)}`]
      : []),
    ...(schedule.whenFreezeEnds ? ['when the freeze window ends'] : []),
  ].join(', and ');
}

/** The facts of one promotion as a description list: what, why, who, and how it went. */
export const PromotionSummary = (props: {
  promotion: Promotion;
  nameOf: (ref: string) => string;
  projectSlug?: string;
}) => {
  const { promotion: p, nameOf } = props;
  const classes = useStyles();
  const approvers = p.approvals.filter(a => a.valid);
  const rows: Array<[string, React.ReactNode]> = [
    [
      'Result',
      <StatusWord kind={promotionStateKinds[p.state]}>
        {resultLabel(p)}
      </StatusWord>,
    ],
    [
      'Environments',
      p.kind === 'rollback'
        ? `${
            isAutomaticRollback(p)
              ? 'automatic rollback, after a failed verification, '
              : 'rollback '
          }of ${p.target}`
        : `${p.source ?? '—'} → ${p.target}`,
    ],
    [
      'Version',
      <VersionLabel image={p.version} projectSlug={props.projectSlug} />,
    ],
    ['Reason', p.reason ?? '—'],
    ...(p.breakGlass
      ? [
          [
            'Break-glass',
            <BreakGlassBadge breakGlass={p.breakGlass} nameOf={nameOf} />,
          ] as [string, React.ReactNode],
          [
            'Acknowledged',
            p.breakGlass.acknowledgedBy ? (
              <>
                by {nameOf(p.breakGlass.acknowledgedBy)},{' '}
                <Timestamp iso={p.breakGlass.acknowledgedAt} />
              </>
            ) : (
              'not yet: an approver acknowledges it'
            ),
          ] as [string, React.ReactNode],
        ]
      : []),
    ['Requested by', nameOf(p.requestedBy)],
    ['Requested', <Timestamp iso={p.createdAt} />],
    [
      'Approvals',
      p.approvalsRequired === 0 && approvers.length === 0
        ? 'none needed'
        : `${approvers.filter(a => a.decision === 'approved').length} of ${
            p.approvalsRequired
          }${
            approvers.length
              ? `: ${approvers
                  .map(
                    a =>
                      `${nameOf(a.user)} ${a.decision}${
                        a.comment ? ` ("${a.comment}")` : ''
                      }`,
                  )
                  .join('; ')}`
              : ''
          }`,
    ],
  ];
  if (p.schedule) rows.push(['Schedule', scheduleWords(p.schedule)]);
  if (p.cancelledBy) rows.push(['Cancelled by', nameOf(p.cancelledBy)]);
  const rejecters = approvers.filter(a => a.decision === 'rejected');
  if (p.state === 'rejected' && rejecters.length) {
    rows.push([
      'Rejected by',
      rejecters
        .map(a => `${nameOf(a.user)}${a.comment ? ` ("${a.comment}")` : ''}`)
        .join('; '),
    ]);
  }
  if (p.finishedAt) rows.push(['Ended', <Timestamp iso={p.finishedAt} />]);
  if (p.waitingFor) {
    rows.push(['Waiting for', <WaitingFor promotion={p} bare />]);
  }
  if (p.stateReason) rows.push(['Why', p.stateReason]);
  return (
    <>
      <PromotionStepper promotion={p} />
      <div role="group" aria-label="Promotion facts">
        <dl className={classes.list}>
          {rows.map(([term, detail]) => (
            <div key={term} style={{ display: 'contents' }}>
              <Typography
                component="dt"
                variant="body2"
                className={classes.term}
              >
                {term}
              </Typography>
              <Typography
                component="dd"
                variant="body2"
                className={classes.detail}
              >
                {detail}
              </Typography>
            </div>
          ))}
        </dl>
      </div>
      <PromotionLinks links={p.links} />
    </>
  );
};
