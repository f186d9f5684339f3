import type {
  MigrationPhase,
  MigrationState,
} from '@stageline/plugin-environments-common';
import Typography from '@material-ui/core/Typography';
import type { StatusKind } from '../StatusWord';
import { StatusWord } from '../StatusWord';
import { InlineRow } from '../InlineRow';
import { Timestamp } from '../Timestamp';
import { VersionLabel } from '../VersionLabel';

const phaseWords: Record<MigrationPhase, string> = {
  pending: 'Pending',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
};

const phaseKinds: Record<MigrationPhase, StatusKind> = {
  pending: 'pending',
  running: 'running',
  succeeded: 'ok',
  failed: 'error',
};

/**
 * The environment's newest migrations Job: its name, phase word and icon, the version it
 * migrates to, when it finished, and why it failed.
 */
export const MigrationStatus = (props: {
  migration: MigrationState;
  projectSlug?: string;
}) => {
  const { migration, projectSlug } = props;
  const finished = migration.completedAt;
  return (
    <div role="group" aria-label="Migrations">
      <InlineRow>
        <Typography variant="body2" component="span">
          Migrations:
        </Typography>
        <code>{migration.job}</code>
        <StatusWord
          kind={phaseKinds[migration.phase]}
          aria-label="Migrations status"
        >
          {phaseWords[migration.phase]}
        </StatusWord>
      </InlineRow>
      {migration.image && (
        <InlineRow>
          <Typography variant="body2" component="span" color="textSecondary">
            for
          </Typography>
          <VersionLabel image={migration.image} projectSlug={projectSlug} />
          {finished && (
            <Typography variant="body2" component="span" color="textSecondary">
              finished <Timestamp iso={finished} />
            </Typography>
          )}
        </InlineRow>
      )}
      {migration.phase === 'failed' && migration.message && (
        <Typography variant="body2" color="error">
          {migration.message}
        </Typography>
      )}
    </div>
  );
};
