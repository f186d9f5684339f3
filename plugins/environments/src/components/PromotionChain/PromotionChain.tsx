import type { EnvironmentState } from '@stageline/plugin-environments-common';
import { makeStyles } from '@material-ui/core/styles';
import type { EnvironmentsPermissions } from '../../hooks/useEnvironmentsPermissions';
import { EnvironmentCard } from '../EnvironmentCard';
import { environmentReasons } from '../EnvironmentCard/environmentReasons';
import { InFlightPromotion } from '../InFlightPromotion';
import { PromoteControl } from '../PromoteControl';

// As many equal columns as fit (three at laptop widths), one below 2 x 260 px: the chain reads
// left to right and wraps rather than scrolling or clipping. Grid rows stretch, so cards align.
const useStyles = makeStyles(theme => ({
  chain: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 260px), 1fr))',
    gap: theme.spacing(2),
    listStyle: 'none',
    padding: 0,
    margin: 0,
  },
  stage: { minWidth: 0, display: 'flex', flexDirection: 'column' },
}));

/** The environments in promotion order, each card with the Promote control into it. */
export const PromotionChain = (props: {
  environments: EnvironmentState[];
  permissions: EnvironmentsPermissions;
  userRef?: string;
  projectSlug?: string;
  onChanged: () => void;
}) => {
  const classes = useStyles();
  // The sentence each card shows, so a Promote control does not repeat it.
  const shownReasons = new Map<string, string>();
  for (const env of props.environments) {
    const [first] = environmentReasons(env);
    if (first && !shownReasons.has(first)) shownReasons.set(first, env.name);
  }
  return (
    <ol aria-label="Promotion chain" className={classes.chain}>
      {props.environments.map(env => (
        <li key={env.name} className={classes.stage}>
          <EnvironmentCard
            env={env}
            projectSlug={props.projectSlug}
            footer={
              env.promotion && (
                <PromoteControl
                  readiness={env.promotion}
                  target={env}
                  permissions={props.permissions}
                  shownReasons={shownReasons}
                  projectSlug={props.projectSlug}
                  onChanged={props.onChanged}
                />
              )
            }
          >
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
};
