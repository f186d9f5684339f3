import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import Skeleton from '@material-ui/lab/Skeleton';
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
      <Typography variant="body2" color="textSecondary">
        The target runs no known version yet: no changes to list.
      </Typography>
    );
  }
  if (loading) return <Skeleton variant="rect" width="100%" height={48} />;
  if (error) {
    return (
      <Typography role="alert" variant="body2" color="error">
        Changes could not be listed: {errorMessage(error)}
      </Typography>
    );
  }
  if (!value?.commits.length) {
    return <Typography variant="body2">No new commits.</Typography>;
  }
  return (
    <Typography variant="body2" component="div">
      <ul aria-label="Commits" style={listStyle}>
        {value.commits.map(commit => (
          <li key={commit.sha}>
            <ExternalLink href={commit.url}>
              {commit.sha.slice(0, 7)}
            </ExternalLink>{' '}
            <span>{commit.message.split('\n')[0]}</span>
            {commit.author && (
              <Typography
                component="span"
                variant="body2"
                color="textSecondary"
              >
                {` · ${commit.author}`}
              </Typography>
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
    </Typography>
  );
};
