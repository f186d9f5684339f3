import type {
  EnvironmentError,
  PreviewEnvironment,
} from '@stageline/plugin-environments-common';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { timeUntil } from '../../util/timeUntil';
import { type DataColumn, DataTable } from '../DataTable';
import { ExternalLink } from '../ExternalLink';
import { Timestamp } from '../Timestamp';
import { VersionLabel } from '../VersionLabel';
import { PreviewActions } from './PreviewActions';

const useStyles = makeStyles(theme => ({
  stack: { display: 'flex', flexDirection: 'column', gap: theme.spacing(1) },
}));

function pullRequestCell(preview: PreviewEnvironment) {
  const pr = preview.pullRequest;
  if (!pr) return '—';
  // A link only when the backend knows the pull request's web page.
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
    <>
      {live && (
        <Typography variant="body2">
          {live.health} · {live.replicas.ready}/{live.replicas.desired} ready
        </Typography>
      )}
      {errors.map(e => (
        <Typography key={e.message} role="alert" variant="body2" color="error">
          {e.message}
        </Typography>
      ))}
    </>
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
        <>
          {p.pullRequest?.state ?? '—'}{' '}
          {p.keep && <Chip size="small" variant="outlined" label="kept" />}
        </>
      ),
    },
    { title: 'Namespace', render: p => p.namespace },
    {
      title: 'URL',
      render: p =>
        p.urls.map(url => (
          <div key={url}>
            <ExternalLink href={url}>{url}</ExternalLink>
          </div>
        )),
    },
    {
      title: 'Version',
      render: p => (
        <VersionLabel image={p.live?.image} projectSlug={projectSlug} />
      ),
    },
    { title: 'Health', render: healthCell },
    { title: 'Age', render: p => <Timestamp iso={p.createdAt} /> },
    {
      title: 'Expires',
      render: p =>
        p.keep ? (
          'never (kept)'
        ) : (
          <Timestamp iso={p.expiresAt} format={iso => timeUntil(iso)} />
        ),
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
}) => {
  const classes = useStyles();
  return (
    <div className={classes.stack}>
      {props.errors.map(e => (
        <Typography key={e.message} role="alert" variant="body2" color="error">
          {e.source === 'cluster' ? 'Cluster' : 'Git'}: {e.message}
        </Typography>
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
        <Typography variant="body2">No preview environments.</Typography>
      )}
    </div>
  );
};
