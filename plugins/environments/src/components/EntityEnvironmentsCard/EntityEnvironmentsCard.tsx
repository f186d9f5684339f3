import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { environmentsApiRef } from '../../api/EnvironmentsApi';
import { useEnvironmentsTabPath } from '../../hooks/useEnvironmentsTabPath';
import { usePolledValue } from '../../hooks/usePolledValue';
import { projectSlugOf } from '../../util/projectSlugOf';
import { syncLabels } from '../../util/syncLabels';
import { syncStatusKinds } from '../../util/syncStatusKinds';
import { StatusWord } from '../StatusWord';
import { VersionLabel } from '../VersionLabel';

// The chain in one row that wraps: each environment a small tile with its state and version.
const useStyles = makeStyles(theme => ({
  chain: {
    listStyle: 'none',
    padding: 0,
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 150px), 1fr))',
    gap: theme.spacing(1.5),
  },
  stage: {
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
    overflowWrap: 'anywhere',
  },
  name: { margin: 0, fontWeight: theme.typography.fontWeightBold as number },
}));

/**
 * Overview card: the chain in one glance, each environment with its state icon and word and its
 * version, and a link to the Environments tab.
 *
 * @public
 */
export const EntityEnvironmentsCard = () => {
  const classes = useStyles();
  const { entity } = useEntity();
  const api = useApi(environmentsApiRef);
  const ref = getCompoundEntityRef(entity);
  const tabPath = useEnvironmentsTabPath()(ref);
  const { value, error } = usePolledValue(stringifyEntityRef(entity), () =>
    api.getEnvironments(ref),
  );
  let body;
  if (value) {
    body = (
      <ol aria-label="Environments summary" className={classes.chain}>
        {value.environments.map(env => (
          <li key={env.name} aria-label={env.name} className={classes.stage}>
            <Typography component="h3" variant="body1" className={classes.name}>
              {env.name}
            </Typography>
            {env.errors.length ? (
              <StatusWord kind="error">Error</StatusWord>
            ) : (
              <StatusWord kind={syncStatusKinds[env.sync.status]}>
                {syncLabels[env.sync.status]}
              </StatusWord>
            )}
            <VersionLabel
              image={env.desired?.image}
              projectSlug={projectSlugOf(entity)}
            />
          </li>
        ))}
      </ol>
    );
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else {
    body = <Progress />;
  }
  return (
    <InfoCard
      title="Environments"
      deepLink={{ title: 'Open the Environments tab', link: tabPath }}
    >
      <section aria-label="Environments">{body}</section>
    </InfoCard>
  );
};
