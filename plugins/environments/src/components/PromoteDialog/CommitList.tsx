import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { Flex, Skeleton, Text } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { environmentsApiRef } from '../../api/EnvironmentsApi';
import { errorMessage } from '../../util/errorMessage';
import { ExternalLink } from '../ExternalLink';

const listStyle = { margin: 0, paddingLeft: 16 } as const;

/** The commits and pull requests between two versions, from the diff endpoint. */
export const CommitList = (props: {
  entityRef: CompoundEntityRef;
  from?: string;
  to?: string;
}) => {
  const api = useApi(environmentsApiRef);
  const { entityRef, from, to } = props;
  const { value, loading, error } = useAsync(
    async () => (from && to ? api.getDiff(entityRef, { from, to }) : undefined),
    [api, entityRef.kind, entityRef.namespace, entityRef.name, from, to],
  );
  if (!from || !to) {
    return (
      <Text variant="body-small" color="secondary">
        The target runs no known version yet: no changes to list.
      </Text>
    );
  }
  if (loading) return <Skeleton width="100%" height={48} />;
  if (error) {
    return (
      <Text role="alert" variant="body-small" color="danger">
        Changes could not be listed: {errorMessage(error)}
      </Text>
    );
  }
  if (!value?.commits.length) {
    return <Text variant="body-small">No new commits.</Text>;
  }
  return (
    <Flex direction="column" gap="1">
      <ul aria-label="Commits" style={listStyle}>
        {value.commits.map(commit => (
          <li key={commit.sha}>
            <ExternalLink href={commit.url}>
              {commit.sha.slice(0, 7)}
            </ExternalLink>{' '}
            <Text variant="body-small">{commit.message.split('\n')[0]}</Text>
            {commit.author && (
              <Text variant="body-small" color="secondary">
                {` · ${commit.author}`}
              </Text>
            )}
            {commit.pullRequest && (
              <>
                {' · '}
                <ExternalLink href={commit.pullRequest.url}>
                  PR #{commit.pullRequest.number}
                </ExternalLink>
              </>
            )}
          </li>
        ))}
      </ul>
      {value.truncated && (
        <ExternalLink href={value.url}>More commits than shown</ExternalLink>
      )}
    </Flex>
  );
};
