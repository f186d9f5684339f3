import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Flex, Text } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { environmentsApiRef } from '../../api/EnvironmentsApi';
import { EnvironmentCard } from '../EnvironmentCard';

const chainStyle = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: 12,
  listStyle: 'none',
  padding: 0,
  margin: 0,
} as const;
const stageStyle = { display: 'flex', alignItems: 'center', gap: 12 } as const;

/**
 * The Environments tab: the service's promotion chain.
 *
 * @public
 */
export const EnvironmentsContent = () => {
  const { entity } = useEntity();
  const api = useApi(environmentsApiRef);
  const ref = getCompoundEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => api.getEnvironments(ref),
    [api, ref.kind, ref.namespace, ref.name],
  );

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;

  return (
    <Flex direction="column" gap="4">
      <Text variant="title-small" as="h2">
        Promotion chain ({value.chain})
      </Text>
      <ol aria-label="Promotion chain" style={chainStyle}>
        {value.environments.map((env, index) => (
          <li key={env.name} style={stageStyle}>
            {index > 0 && <Text aria-hidden>→</Text>}
            <EnvironmentCard env={env} />
          </li>
        ))}
      </ol>
    </Flex>
  );
};
