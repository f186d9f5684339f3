import { useEffect, useState } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  EntityEnvironmentsLink,
  environmentsApiRef,
  useDisplayNames,
} from '@stageline/plugin-environments';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { loadMyServices, type MyService } from './loadMyServices';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  service: { padding: theme.spacing(1, 0) },
  awaiting: { margin: theme.spacing(0.5, 0, 0), paddingLeft: theme.spacing(2) },
}));

/**
 * The signed-in user's services (owned by them or one of their groups) with a link to each
 * one's Environments tab, and the promotions of those services that await approvals, linking to
 * their detail views.
 */
export const MyServicesContent = () => {
  const classes = useStyles();
  const identity = useApi(identityApiRef);
  const catalog = useApi(catalogApiRef);
  const environments = useApi(environmentsApiRef);
  const [state, setState] = useState<{ services?: MyService[]; error?: Error }>(
    {},
  );

  useEffect(() => {
    let shown = true;
    identity
      .getBackstageIdentity()
      .then(({ userEntityRef, ownershipEntityRefs }) =>
        loadMyServices({
          catalog,
          environments,
          userEntityRef,
          ownershipEntityRefs,
        }),
      )
      .then(
        services => shown && setState({ services }),
        error => shown && setState({ error }),
      );
    return () => {
      shown = false;
    };
  }, [identity, catalog, environments]);
  // Requesters by their catalog display names, every service's in one catalog request.
  const nameOf = useDisplayNames(
    (state.services ?? []).flatMap(s => s.awaiting.map(p => p.requestedBy)),
  );

  if (state.error) return <ResponseErrorPanel error={state.error} />;
  if (!state.services) return <Progress />;
  if (state.services.length === 0) {
    return (
      <Typography variant="body2">
        You own no services with environments.
      </Typography>
    );
  }
  return (
    <ul className={classes.list} aria-label="Your services">
      {state.services.map(service => {
        const entityRef = {
          kind: 'component',
          namespace: service.namespace,
          name: service.name,
        };
        return (
          <li key={service.name} className={classes.service}>
            <EntityEnvironmentsLink entityRef={entityRef}>
              {service.title}
            </EntityEnvironmentsLink>
            {service.error && (
              <Typography role="alert" variant="body2" color="error">
                Its promotions could not be read: {service.error}
              </Typography>
            )}
            {!service.error && service.awaiting.length === 0 && (
              <Typography variant="body2" color="textSecondary">
                No promotion awaits approval.
              </Typography>
            )}
            {service.awaiting.length > 0 && (
              <ul
                className={classes.awaiting}
                aria-label={`Awaiting approval: ${service.name}`}
              >
                {service.awaiting.map(p => (
                  <li key={p.id}>
                    <EntityEnvironmentsLink
                      entityRef={entityRef}
                      promotionId={p.id}
                    >
                      Promotion into {p.target}
                    </EntityEnvironmentsLink>
                    <Typography variant="body2" component="span">
                      {' '}
                      awaits approval: {p.approvals.given} of{' '}
                      {p.approvals.required}, requested by{' '}
                      {p.ownRequest ? 'you' : nameOf(p.requestedBy)}
                    </Typography>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
};
