import Chip from '@material-ui/core/Chip';
import type { PromotionBreakGlass } from '@stageline/plugin-environments-common';
import { ExternalLink } from '../ExternalLink';

/**
 * Marks a break-glass promotion (it bypassed freeze windows, soak time and approvals): the
 * badge, its incident link, and whether an approver acknowledged it yet. Words, not only colour.
 */
export const BreakGlassBadge = (props: { breakGlass: PromotionBreakGlass }) => {
  const { incident, acknowledgedBy } = props.breakGlass;
  return (
    <span data-testid="break-glass">
      <Chip
        size="small"
        color={acknowledgedBy ? 'default' : 'secondary'}
        label={
          acknowledgedBy
            ? `Break-glass, acknowledged by ${acknowledgedBy}`
            : 'Break-glass, not acknowledged'
        }
      />{' '}
      <ExternalLink href={incident}>Incident</ExternalLink>
    </span>
  );
};
