import type { Config } from '@backstage/config';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { checkClusterUrl } from './checkClusterUrl';
import {
  type ConfiguredCluster,
  urlClusterDefinition,
} from './ConfiguredCluster';
import { readClusterName } from './readClusterName';

const AUTH_PROVIDER = 'kubernetes.io/auth-provider';
// Providers that work without a token of their own: the in-cluster account, or `kubectl proxy`.
const TOKENLESS = ['serviceAccount', 'localKubectlProxy'];

/**
 * Clusters of `kubernetes.clusterLocatorMethods` entries of type `config`, so a cluster is
 * configured once for Backstage's Kubernetes plugin and Stageline. Other locator types, and
 * clusters whose auth provider Stageline cannot use without a token, are skipped with a warning.
 */
export function readKubernetesClusters(
  config: Config,
  logger?: Pick<LoggerService, 'warn'>,
): ConfiguredCluster[] {
  const methods =
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  return methods.flatMap((method, i) => {
    const key = `kubernetes.clusterLocatorMethods[${i}]`;
    const type = method.getString('type');
    if (type !== 'config') {
      logger?.warn(
        "Stageline reads only cluster locators of type 'config'; ignoring one of another type",
        { type, key },
      );
      return [];
    }
    return (method.getOptionalConfigArray('clusters') ?? []).flatMap(
      (entry, j) => readCluster(entry, `${key}.clusters[${j}]`, logger),
    );
  });
}

function readCluster(
  entry: Config,
  key: string,
  logger?: Pick<LoggerService, 'warn'>,
): ConfiguredCluster[] {
  const name = readClusterName(entry, key);
  const url = entry.getString('url');
  checkClusterUrl(`${key}.url`, url);
  // Backstage reads `authMetadata` raw: its keys contain dots, which Config would split.
  const metadata = readAuthMetadata(entry, key);
  const authProvider =
    metadata[AUTH_PROVIDER] ??
    entry.getOptionalString('authProvider') ??
    'serviceAccount';
  const token =
    entry.getOptionalString('serviceAccountToken') ??
    metadata.serviceAccountToken;
  if (!token && !TOKENLESS.includes(authProvider)) {
    logger?.warn(
      'Stageline skips a cluster whose auth provider needs a per-user login, which Stageline cannot use; give the cluster a serviceAccountToken to include it',
      { cluster: name, key, authProvider },
    );
    return [];
  }
  return [
    {
      key,
      definition: urlClusterDefinition(
        entry,
        { name, url, token },
        { caFile: true },
      ),
    },
  ];
}

function readAuthMetadata(
  entry: Config,
  key: string,
): Record<string, string | undefined> {
  const metadata = entry.getOptional('authMetadata') ?? {};
  if (typeof metadata !== 'object' || Array.isArray(metadata)) {
    throw new Error(
      `Invalid config at '${key}.authMetadata': must be an object`,
    );
  }
  return Object.fromEntries(
    Object.entries(metadata).filter(([, v]) => typeof v === 'string'),
  ) as Record<string, string>;
}
