import type { Config } from '@backstage/config';
import { checkClusterUrl } from './checkClusterUrl';
import {
  type ConfiguredCluster,
  urlClusterDefinition,
} from './ConfiguredCluster';
import { readClusterName } from './readClusterName';

/**
 * Clusters of `environments.clusters`: an API server URL (with token and CA), or a kubeconfig
 * file and context.
 *
 * @throws Error naming the config key of an invalid entry.
 */
export function readEnvironmentsClusters(config: Config): ConfiguredCluster[] {
  const entries = config.getOptionalConfigArray('environments.clusters') ?? [];
  return entries.map((entry, i) => {
    const key = `environments.clusters[${i}]`;
    const name = readClusterName(entry, key);
    const url = entry.getOptionalString('url');
    if (entry.has('kubeconfig')) {
      return { key, definition: readKubeconfigCluster(entry, key, name, url) };
    }
    if (!url) {
      throw new Error(
        `Invalid config at '${key}': cluster '${name}' needs either url or kubeconfig`,
      );
    }
    checkClusterUrl(`${key}.url`, url);
    const token = entry.getOptionalString('serviceAccountToken');
    return {
      key,
      definition: urlClusterDefinition(
        entry,
        { name, url, token },
        { caFile: false },
      ),
    };
  });
}

function readKubeconfigCluster(
  entry: Config,
  key: string,
  name: string,
  url: string | undefined,
) {
  const extra = ['url', 'serviceAccountToken', 'caData', 'skipTLSVerify'].find(
    k => entry.has(k),
  );
  if (extra) {
    throw new Error(
      `Invalid config at '${key}.${extra}': cluster '${name}' reads its ${
        url ? 'URL' : 'connection'
      } from kubeconfig; remove ${extra} or kubeconfig`,
    );
  }
  const kubeconfig = entry.getConfig('kubeconfig');
  const path = kubeconfig.getOptionalString('path');
  const context = kubeconfig.getOptionalString('context');
  return {
    name,
    kubeconfig: { ...(path && { path }), ...(context && { context }) },
  };
}
