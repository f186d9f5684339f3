import type { ReactNode } from 'react';
import type {
  EnvironmentState,
  LiveState,
} from '@stageline/plugin-environments-common';
import { Badge, Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { timeAgo } from '../../util/timeAgo';
import { ExternalLink } from '../ExternalLink';
import { VersionLabel } from '../VersionLabel';
import { EnvironmentLinks } from './EnvironmentLinks';
import { syncLabels } from './syncLabels';

function healthLine(live: LiveState): string {
  const { replicas } = live;
  return [
    live.health,
    `${replicas.ready}/${replicas.desired} ready`,
    `${live.restarts} restarts`,
    `rollout ${live.rollout}`,
  ].join(' · ');
}

/**
 * One stage of the promotion chain: its URLs and links, version declared in Git and what runs,
 * sync and drift, health, open changes, and errors inline (a broken cluster blanks only its own
 * card).
 */
export const EnvironmentCard = (props: {
  env: EnvironmentState;
  projectSlug?: string;
  /** The promotion in flight into this environment, when there is one. */
  children?: ReactNode;
}) => {
  const { env, projectSlug } = props;
  return (
    <Card
      aria-label={`Environment ${env.name}`}
      style={{ minWidth: 240, maxWidth: 340 }}
    >
      <CardHeader>
        <Flex justify="between" align="center" gap="2">
          <Text variant="body-large" weight="bold" as="h3">
            {env.name}
          </Text>
          <Text
            variant="body-small"
            aria-label="Sync status"
            color={env.sync.status === 'in-sync' ? 'success' : 'warning'}
          >
            {syncLabels[env.sync.status]}
          </Text>
        </Flex>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="1">
          <Text variant="body-small" color="secondary">
            namespace {env.namespace}
            {env.cluster ? ` · cluster ${env.cluster}` : ''}
            {env.protected ? ' · protected' : ''}
          </Text>
          <EnvironmentLinks env={env} />
          <Flex gap="1" align="center" aria-label="Desired version">
            <Text variant="body-small">Git:</Text>
            <VersionLabel
              image={env.desired?.image}
              projectSlug={projectSlug}
            />
          </Flex>
          <Flex gap="1" align="center" aria-label="Live version">
            <Text variant="body-small">Cluster:</Text>
            <VersionLabel image={env.live?.image} projectSlug={projectSlug} />
            {env.liveAsOf && (
              // Never shown as current: the cluster could not be read since then.
              <Text variant="body-small" color="warning">
                last known, {timeAgo(env.liveAsOf)}
              </Text>
            )}
          </Flex>
          <Flex gap="1" style={{ flexWrap: 'wrap' }}>
            {env.sync.status === 'drifted' && <Badge>Drift</Badge>}
            {env.sync.status === 'waiting-for-sync' && env.sync.since && (
              <Badge>Git changed {timeAgo(env.sync.since)}</Badge>
            )}
            {env.sameBitsAsUpstream && <Badge>Same bits as upstream</Badge>}
          </Flex>
          {env.sync.status !== 'in-sync' && (
            <Text variant="body-small" aria-label="Sync reason">
              {env.sync.reason}
            </Text>
          )}
          {env.live && (
            <Text variant="body-small" aria-label="Health">
              {healthLine(env.live)}
            </Text>
          )}
          {env.live?.since && (
            <Text variant="body-small" color="secondary">
              running this version since {timeAgo(env.live.since)}
            </Text>
          )}
          {env.live?.reasons.map(reason => (
            <Text key={reason} variant="body-small" color="warning">
              {reason}
            </Text>
          ))}
          {env.inFlight.map(change => (
            <ExternalLink key={change.branch} href={change.url}>
              {change.number ? `PR #${change.number}: ` : ''}
              {change.title}
            </ExternalLink>
          ))}
          {props.children}
          {env.errors.map(error => (
            <Text
              key={`${error.source}:${error.message}`}
              variant="body-small"
              role="alert"
              color="danger"
            >
              {error.source === 'cluster' ? 'Cluster' : 'Git'}: {error.message}
            </Text>
          ))}
        </Flex>
      </CardBody>
    </Card>
  );
};
