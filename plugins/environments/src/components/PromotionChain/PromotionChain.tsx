import type { EnvironmentState } from '@stageline/plugin-environments-common';
import type { EnvironmentsPermissions } from '../../hooks/useEnvironmentsPermissions';
import { EnvironmentCard } from '../EnvironmentCard';
import { InFlightPromotion } from '../InFlightPromotion';
import { PromoteArrow } from '../PromoteArrow';

// One row, left to right, as the chain reads; a long chain scrolls rather than wraps.
const chainStyle = {
  display: 'flex',
  flexWrap: 'nowrap',
  overflowX: 'auto',
  alignItems: 'stretch',
  gap: 12,
  paddingBottom: 8,
  listStyle: 'none',
  padding: 0,
  margin: 0,
} as const;
const stageStyle = {
  display: 'flex',
  alignItems: 'center',
  gap: 12,
  flex: '0 0 auto',
} as const;

/** The environments left to right, joined by arrows that carry the Promote buttons. */
export const PromotionChain = (props: {
  environments: EnvironmentState[];
  permissions: EnvironmentsPermissions;
  userRef?: string;
  projectSlug?: string;
  onChanged: () => void;
}) => (
  <ol aria-label="Promotion chain" style={chainStyle}>
    {props.environments.map((env, index) => (
      <li key={env.name} style={stageStyle}>
        {index > 0 && (
          <PromoteArrow
            readiness={env.promotion}
            target={env}
            permissions={props.permissions}
            projectSlug={props.projectSlug}
            onChanged={props.onChanged}
          />
        )}
        <EnvironmentCard env={env} projectSlug={props.projectSlug}>
          {env.promotion?.inFlight && (
            <InFlightPromotion
              promotion={env.promotion.inFlight}
              targetBase={env.desired?.image}
              userRef={props.userRef}
              mayApprove={props.permissions.approve}
              mayPromote={props.permissions.promote}
              projectSlug={props.projectSlug}
              onChanged={props.onChanged}
            />
          )}
        </EnvironmentCard>
      </li>
    ))}
  </ol>
);
