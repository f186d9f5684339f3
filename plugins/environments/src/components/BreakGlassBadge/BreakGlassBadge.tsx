import Chip from '@material-ui/core/Chip';
import type { PromotionBreakGlass } from '@stageline/plugin-environments-common';
import { ExternalLink } from '../ExternalLink';

/**
 * Marks a break-glass promotion (it bypassed freeze windows, soak time and approvals): the
 * badge, its incident link, and whether an approver acknowledged it yet, naming the approver by
 * `nameOf` (the view's display-name lookup). Words, not only colour.
 */
export const BreakGlassBadge = (props: {
  breakGlass: PromotionBreakGlass;
  nameOf: (ref: string) => string;
}) => {
  const { incident, acknowledgedBy } = props.breakGlass;
  return (
    <span data-testid="break-glass">
      <Chip
        size="small"
        color={acknowledgedBy ? 'default' : 'secondary'}
        label={
          acknowledgedBy
            ? `Break-glass, acknowledged by ${props.nameOf(acknowledgedBy)}`
            : 'Break-glass, not acknowledged'
        }
      />{' '}
      <ExternalLink href={incident}>Incident</ExternalLink>
    </span>
  );
};
