import type { ReactNode } from 'react';
import type {
  EnvironmentState,
  LiveState,
} from '@stageline/plugin-environments-common';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import CardHeader from '@material-ui/core/CardHeader';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { syncLabels } from '../../util/syncLabels';
import { syncStatusKinds } from '../../util/syncStatusKinds';
import { timeAgo } from '../../util/timeAgo';
import { AgentStatus } from '../AgentStatus';
import { DetailsToggle } from '../DetailsToggle';
import { ExternalLink } from '../ExternalLink';
import { InlineRow } from '../InlineRow';
import { MigrationStatus } from '../MigrationStatus';
import { StatusWord } from '../StatusWord';
import { Timestamp } from '../Timestamp';
import { VersionLabel } from '../VersionLabel';
import { EnvironmentLinks } from './EnvironmentLinks';
import { environmentReasons } from './environmentReasons';

const useStyles = makeStyles(theme => ({
  card: {
    height: '100%',
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
  },
  content: {
    flex: 1,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  chips: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5) },
  // The promote control sits at the bottom, so the buttons of a row of cards line up.
  footer: { marginTop: 'auto', paddingTop: theme.spacing(1) },
  list: { margin: 0, paddingLeft: theme.spacing(2) },
}));

function healthLine(live: LiveState): string {
  const { replicas } = live;
  return [
    live.health,
    `${replicas.ready}/${replicas.desired} ready`,
    `${live.restarts} restarts`,
    `rollout ${live.rollout}`,
  ].join(' · ');
}

/** The id of an environment card's heading: where focus goes when a control in it goes away. */
export const environmentHeadingId = (name: string) =>
  `stageline-environment-${name}-heading`;

/**
 * One stage of the promotion chain: its URLs and links, version declared in Git and what runs,
 * the sync state with its icon and word, one reason (the rest behind "Details"), health, open
 * changes, the promotion in flight and the Promote control into it.
 */
export const EnvironmentCard = (props: {
  env: EnvironmentState;
  projectSlug?: string;
  /** The promotion in flight into this environment, when there is one. */
  children?: ReactNode;
  /** The Promote control into this environment, at the card's foot. */
  footer?: ReactNode;
}) => {
  const { env, projectSlug } = props;
  const classes = useStyles();
  const reasons = environmentReasons(env);
  const where = [
    `namespace ${env.namespace}`,
    env.cluster && `cluster ${env.cluster}`,
    env.protected && 'protected',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Card
      className={classes.card}
      role="group"
      aria-label={`Environment ${env.name}`}
    >
      <CardHeader
        title={env.name}
        titleTypographyProps={{
          component: 'h3',
          variant: 'h6',
          id: environmentHeadingId(env.name),
          tabIndex: -1,
        }}
        subheader={where}
        subheaderTypographyProps={{ variant: 'body2' }}
      />
      <CardContent className={classes.content}>
        <StatusWord
          kind={
            env.errors.length && env.sync.status === 'in-sync'
              ? 'warning'
              : syncStatusKinds[env.sync.status]
          }
          aria-label="Sync status"
        >
          {syncLabels[env.sync.status]}
        </StatusWord>
        {reasons.length > 0 && (
          <div role="group" aria-label="Reason">
            <Typography variant="body2">{reasons[0]}</Typography>
          </div>
        )}
        <EnvironmentLinks env={env} />
        {env.agent && <AgentStatus agent={env.agent} />}
        {env.live?.migration && (
          <MigrationStatus
            migration={env.live.migration}
            projectSlug={projectSlug}
          />
        )}
        <InlineRow label="Desired version">
          <Typography variant="body2" component="span">
            Git:
          </Typography>
          <VersionLabel image={env.desired?.image} projectSlug={projectSlug} />
        </InlineRow>
        <InlineRow label="Live version">
          <Typography variant="body2" component="span">
            Cluster:
          </Typography>
          <VersionLabel image={env.live?.image} projectSlug={projectSlug} />
          {env.liveAsOf && (
            // Never shown as current: the cluster could not be read since then.
            <Typography variant="body2" component="span">
              last known, <Timestamp iso={env.liveAsOf} />
            </Typography>
          )}
        </InlineRow>
        {(env.sync.status === 'drifted' ||
          (env.sync.status === 'waiting-for-sync' && env.sync.since) ||
          env.sameBitsAsUpstream) && (
          <div className={classes.chips}>
            {env.sync.status === 'drifted' && (
              <Chip size="small" variant="outlined" label="Drift" />
            )}
            {env.sync.status === 'waiting-for-sync' && env.sync.since && (
              <Chip
                size="small"
                variant="outlined"
                label={`Git changed ${timeAgo(env.sync.since)}`}
              />
            )}
            {env.sameBitsAsUpstream && (
              <Chip
                size="small"
                variant="outlined"
                label="Same bits as upstream"
              />
            )}
          </div>
        )}
        {env.live && (
          <div role="group" aria-label="Health">
            <Typography variant="body2">{healthLine(env.live)}</Typography>
          </div>
        )}
        {env.live?.since && (
          <Typography variant="body2" color="textSecondary">
            running this version since <Timestamp iso={env.live.since} />
          </Typography>
        )}
        {env.inFlight.map(change => (
          <Typography variant="body2" key={change.branch}>
            <ExternalLink href={change.url}>
              {change.number ? `PR #${change.number}: ` : ''}
              {change.title}
            </ExternalLink>
          </Typography>
        ))}
        {reasons.length > 1 && (
          <DetailsToggle label={`Details of ${env.name}`}>
            <ul className={classes.list}>
              {reasons.slice(1).map(reason => (
                <li key={reason}>
                  <Typography variant="body2">{reason}</Typography>
                </li>
              ))}
            </ul>
          </DetailsToggle>
        )}
        {props.children}
        {props.footer && <div className={classes.footer}>{props.footer}</div>}
      </CardContent>
    </Card>
  );
};
