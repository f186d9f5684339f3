import type { ClusterDefinition } from '../types';

/** A cluster definition and the config key it came from, for error messages. */
export type ConfiguredCluster = { key: string; definition: ClusterDefinition };
