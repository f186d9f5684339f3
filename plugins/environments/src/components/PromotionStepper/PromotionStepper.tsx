import type {
  Promotion,
  PromotionState,
} from '@stageline/plugin-environments-common';
import { makeStyles } from '@material-ui/core/styles';
import { promotionStateLabels } from '../../util/promotionStateLabels';
import { type StatusKind, StatusWord } from '../StatusWord';
import { VisuallyHidden } from '../VisuallyHidden';

const ENDED_BADLY: PromotionState[] = ['failed', 'rejected', 'cancelled'];

const useStyles = makeStyles(theme => ({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5, 2),
    listStyle: 'none',
    padding: 0,
    margin: 0,
  },
  current: { fontWeight: theme.typography.fontWeightBold as number },
}));

/** The states this promotion goes through, given its approvals and execution mode. */
function stepsOf(promotion: Promotion): PromotionState[] {
  if (ENDED_BADLY.includes(promotion.state)) {
    return ['requested', promotion.state];
  }
  // Only a promotion seen verifying is known to verify: the tab does not read config.
  const verification: PromotionState[] =
    promotion.state === 'verifying'
      ? ['verifying', 'succeeded']
      : ['succeeded'];
  if (promotion.state === 'failed-verification') {
    verification.splice(0, 1, 'failed-verification');
  }
  return [
    'requested',
    ...(promotion.approvalsRequired > 0
      ? (['awaiting-approval'] as const)
      : []),
    'executing',
    ...(promotion.mode === 'pull-request'
      ? (['waiting-for-merge'] as const)
      : []),
    'rolling-out',
    ...verification,
  ];
}

function kindOf(index: number, current: number, state: PromotionState) {
  if (index < current || state === 'succeeded') return ['ok', 'done'] as const;
  if (index > current) return ['pending', 'to come'] as const;
  return ENDED_BADLY.includes(state) || state === 'failed-verification'
    ? (['error', 'ended'] as const)
    : (['running', 'current'] as const);
}

/** A promotion's progress as steps: done, current (`aria-current="step"`), still to come. */
export const PromotionStepper = ({ promotion }: { promotion: Promotion }) => {
  const classes = useStyles();
  const steps = stepsOf(promotion);
  const current = steps.indexOf(promotion.state);
  return (
    <ol aria-label="Promotion progress" className={classes.list}>
      {steps.map((step, index) => {
        const [kind, word] = kindOf(index, current, promotion.state);
        return (
          <li
            key={step}
            aria-current={index === current ? 'step' : undefined}
            className={index === current ? classes.current : undefined}
          >
            <StatusWord kind={kind as StatusKind}>
              {step === 'requested' && promotion.schedule
                ? 'Scheduled'
                : promotionStateLabels[step]}
              <VisuallyHidden> ({word})</VisuallyHidden>
            </StatusWord>
          </li>
        );
      })}
    </ol>
  );
};
