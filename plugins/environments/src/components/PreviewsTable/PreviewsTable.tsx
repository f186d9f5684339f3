import type {
  EnvironmentError,
  PreviewEnvironment,
} from '@stageline/plugin-environments-common';
import { Badge, Flex, Text } from '@backstage/ui';
import { timeAgo } from '../../util/timeAgo';
import { timeUntil } from '../../util/timeUntil';
import { type DataColumn, DataTable } from '../DataTable';
import { ExternalLink } from '../ExternalLink';
import { VersionLabel } from '../VersionLabel';
import { PreviewActions } from './PreviewActions';

function pullRequestCell(preview: PreviewEnvironment) {
  const pr = preview.pullRequest;
  if (!pr) return '—';
  return (
    <ExternalLink href={pr.url}>
      #{pr.number}
      {pr.title ? ` ${pr.title}` : ''}
    </ExternalLink>
  );
}

function healthCell(preview: PreviewEnvironment) {
  const { live, errors } = preview;
  return (
    <Flex direction="column" gap="0">
      {live && (
        <Text variant="body-small">
          {live.health} · {live.replicas.ready}/{live.replicas.desired} ready
        </Text>
      )}
      {errors.map(e => (
        <Text key={e.message} role="alert" variant="body-small" color="danger">
          {e.message}
        </Text>
      ))}
    </Flex>
  );
}

function previewColumns(
  mayManage: boolean,
  projectSlug: string | undefined,
  onChanged: () => void,
): DataColumn<PreviewEnvironment>[] {
  const columns: DataColumn<PreviewEnvironment>[] = [
    { title: 'Pull request', render: pullRequestCell },
    { title: 'Author', render: p => p.pullRequest?.author ?? '—' },
    {
      title: 'State',
      render: p => (
        <Flex gap="1">
          {p.pullRequest?.state ?? '—'}
          {p.keep && <Badge>kept</Badge>}
        </Flex>
      ),
    },
    { title: 'Namespace', render: p => p.namespace },
    {
      title: 'URL',
      render: p =>
        p.urls.map(url => (
          <ExternalLink key={url} href={url}>
            {url}
          </ExternalLink>
        )),
    },
    {
      title: 'Version',
      render: p => (
        <VersionLabel image={p.live?.image} projectSlug={projectSlug} />
      ),
    },
    { title: 'Health', render: healthCell },
    { title: 'Age', render: p => timeAgo(p.createdAt) },
    {
      title: 'Expires',
      render: p => (p.keep ? 'never (kept)' : timeUntil(p.expiresAt)),
    },
  ];
  if (!mayManage) return columns;
  return [
    ...columns,
    {
      title: 'Actions',
      render: p => <PreviewActions preview={p} onChanged={onChanged} />,
    },
  ];
}

/** The service's preview environments, one per pull request, and why some may be missing. */
export const PreviewsTable = (props: {
  previews: PreviewEnvironment[];
  errors: EnvironmentError[];
  mayManage: boolean;
  projectSlug?: string;
  onChanged: () => void;
}) => (
  <Flex direction="column" gap="2">
    {props.errors.map(e => (
      <Text key={e.message} role="alert" variant="body-small" color="danger">
        {e.source === 'cluster' ? 'Cluster' : 'Git'}: {e.message}
      </Text>
    ))}
    {props.previews.length ? (
      <DataTable
        label="Preview environments"
        columns={previewColumns(
          props.mayManage,
          props.projectSlug,
          props.onChanged,
        )}
        rows={props.previews}
        rowKey={p => p.namespace}
      />
    ) : (
      <Text variant="body-medium">No preview environments.</Text>
    )}
  </Flex>
);
