import type { Promotion } from '@stageline/plugin-environments-common';
import Typography from '@material-ui/core/Typography';
import { exactTime } from '../Timestamp';

/**
 * What a promotion in flight waits for, in one sentence. A scheduled one says the exact local
 * time it runs at (with its zone), not a countdown: "Scheduled for 24 Dec 2026, 18:00:00 CET".
 */
export const WaitingFor = (props: {
  promotion: Promotion;
  /** Without the "Waiting for:" lead and paragraph, e.g. in a list that names it already. */
  bare?: boolean;
}) => {
  const { promotion, bare } = props;
  const wait = promotion.waitingFor;
  if (!wait) return null;
  const at =
    wait.kind === 'schedule'
      ? wait.until ?? promotion.schedule?.notBefore
      : undefined;
  let text: React.ReactNode = bare
    ? wait.detail
    : `Waiting for: ${wait.detail}`;
  if (at) {
    text = (
      <>
        Scheduled for{' '}
        <time dateTime={at} data-testid="scheduled-for">
          {exactTime(at)}
        </time>
      </>
    );
  } else if (wait.kind === 'schedule') {
    text = `Scheduled: ${wait.detail}`;
  }
  return bare ? <>{text}</> : <Typography variant="body2">{text}</Typography>;
};
