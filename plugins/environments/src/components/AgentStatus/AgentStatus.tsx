import type {
  GitOpsAgentStatus,
  GitOpsAgentSync,
} from '@stageline/plugin-environments-common';
import Typography from '@material-ui/core/Typography';
import { ExternalLink } from '../ExternalLink';
import { InlineRow } from '../InlineRow';
import type { StatusKind } from '../StatusWord';
import { StatusWord } from '../StatusWord';
import { Timestamp } from '../Timestamp';

const syncWords: Record<GitOpsAgentSync, string> = {
  synced: 'Synced',
  'out-of-sync': 'Out of sync',
  syncing: 'Syncing',
  'sync-failed': 'Sync failed',
  unknown: 'Unknown',
};

const syncKinds: Record<GitOpsAgentSync, StatusKind> = {
  synced: 'ok',
  'out-of-sync': 'pending',
  syncing: 'running',
  'sync-failed': 'error',
  unknown: 'aborted',
};

/**
 * The environment's GitOps agent: Argo CD Application (linked to the Argo CD UI when its base
 * URL is configured) or Flux Kustomization, its sync word and icon, health, the revision it
 * applied and when, and its last sync error.
 */
export const AgentStatus = (props: { agent: GitOpsAgentStatus }) => {
  const { agent } = props;
  const kind = agent.kind === 'argo-cd' ? 'Argo CD' : 'Flux';
  const label = `${agent.namespace}/${agent.name}`;
  return (
    <div role="group" aria-label="GitOps agent">
      <InlineRow>
        <Typography variant="body2" component="span">
          {kind}:
        </Typography>
        <ExternalLink href={agent.url}>{label}</ExternalLink>
        <StatusWord kind={syncKinds[agent.sync]} aria-label="Agent sync">
          {syncWords[agent.sync]}
        </StatusWord>
        {agent.health && (
          <Typography variant="body2" component="span">
            {agent.health}
          </Typography>
        )}
      </InlineRow>
      {agent.appliedRevision && (
        <Typography variant="body2" color="textSecondary">
          applied <code>{agent.appliedRevision.slice(0, 7)}</code>
          {agent.appliedAt && (
            <>
              {' '}
              <Timestamp iso={agent.appliedAt} />
            </>
          )}
        </Typography>
      )}
      {agent.lastSyncError && (
        <Typography variant="body2" color="error">
          {agent.lastSyncError}
        </Typography>
      )}
    </div>
  );
};
