import {
  type EnvironmentState,
  shortVersion,
} from '@stageline/plugin-environments-common';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';

const SYNC_LABELS: Record<EnvironmentState['sync']['status'], string> = {
  'in-sync': 'In sync',
  'rolling-out': 'Rolling out',
  drifted: 'Drifted',
  missing: 'Missing',
  unknown: 'Unknown',
};

/** One stage of the promotion chain: version declared in Git, what runs, sync and errors. */
export const EnvironmentCard = ({ env }: { env: EnvironmentState }) => (
  <Card
    aria-label={`Environment ${env.name}`}
    style={{ minWidth: 220, maxWidth: 320 }}
  >
    <CardHeader>
      <Flex justify="between" align="center" gap="2">
        <Text variant="body-large" weight="bold">
          {env.name}
        </Text>
        <Text variant="body-small" aria-label="Sync status">
          {SYNC_LABELS[env.sync.status]}
        </Text>
      </Flex>
    </CardHeader>
    <CardBody>
      <Flex direction="column" gap="1">
        <Text variant="body-small">
          namespace {env.namespace}
          {env.protected ? ' · protected' : ''}
        </Text>
        <Text variant="body-small" aria-label="Desired version">
          Git: {env.desired?.image ? shortVersion(env.desired.image) : '—'}
        </Text>
        <Text variant="body-small" aria-label="Live version">
          Cluster: {env.live?.image ? shortVersion(env.live.image) : '—'}
          {env.live
            ? ` (${env.live.replicas.ready}/${env.live.replicas.desired} ready)`
            : ''}
        </Text>
        <Text variant="body-small" color="secondary">
          {env.sync.reason}
        </Text>
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
