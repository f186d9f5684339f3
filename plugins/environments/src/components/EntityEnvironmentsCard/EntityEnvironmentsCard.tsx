import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { environmentsApiRef } from '../../api/EnvironmentsApi';
import { usePolledValue } from '../../hooks/usePolledValue';
import { projectSlugOf } from '../../util/projectSlugOf';
import { syncLabels } from '../EnvironmentCard/syncLabels';
import { VersionLabel } from '../VersionLabel';

const listStyle = { listStyle: 'none', padding: 0, margin: 0 } as const;

/**
 * Overview card: the chain in one glance, each environment with its version and sync.
 *
 * @public
 */
export const EntityEnvironmentsCard = () => {
  const { entity } = useEntity();
  const api = useApi(environmentsApiRef);
  const ref = getCompoundEntityRef(entity);
  const { value, error } = usePolledValue(stringifyEntityRef(entity), () =>
    api.getEnvironments(ref),
  );
  let body;
  if (value) {
    body = (
      <ol aria-label="Environments summary" style={listStyle}>
        {value.environments.map(env => (
          <li key={env.name} aria-label={env.name}>
            <Flex gap="2" align="center" justify="between">
              <Text variant="body-medium" weight="bold">
                {env.name}
              </Text>
              <VersionLabel
                image={env.desired?.image}
                projectSlug={projectSlugOf(entity)}
              />
              <Text
                variant="body-small"
                color={env.sync.status === 'in-sync' ? 'success' : 'warning'}
              >
                {env.errors.length ? 'Error' : syncLabels[env.sync.status]}
              </Text>
            </Flex>
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
    <Card aria-label="Environments">
      <CardHeader>
        <Text as="h2" variant="title-x-small">
          Environments
        </Text>
      </CardHeader>
      <CardBody>{body}</CardBody>
    </Card>
  );
};
