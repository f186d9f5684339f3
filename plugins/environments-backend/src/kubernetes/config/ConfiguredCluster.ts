import type { Config } from '@backstage/config';
import type { ClusterDefinition } from '../types';

/** A cluster definition and the config key it came from, for error messages. */
export type ConfiguredCluster = { key: string; definition: ClusterDefinition };

/**
 * A cluster reached at its API server URL, with its token and the TLS settings its config entry
 * gives: `caData`, `skipTLSVerify`, and `caFile` where that config has it.
 */
export function urlClusterDefinition(
  entry: Config,
  cluster: { name: string; url: string; token?: string },
  options: { caFile: boolean },
): ClusterDefinition {
  const { name, url, token } = cluster;
  const caData = entry.getOptionalString('caData');
  const caFile = options.caFile ? entry.getOptionalString('caFile') : undefined;
  const skipTLSVerify = entry.getOptionalBoolean('skipTLSVerify');
  return {
    name,
    url,
    ...(token && { serviceAccountToken: token }),
    ...(caData && { caData }),
    ...(caFile && { caFile }),
    ...(skipTLSVerify !== undefined && { skipTLSVerify }),
  };
}
