import type { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterStateStore } from '../cache/ClusterStateStore';
import type { ClusterStateStoreOptions } from '../cache/ClusterStateStoreOptions';
import { testLogger } from './testLogger';

/**
 * A started ClusterStateStore over `clusters` (e.g. a stand-in's URL), retrying within tens of
 * milliseconds so a test waits for reads, not for backoff. Stop it after the test.
 */
export async function startClusterStateStore(
  clusters: ClusterStateStoreOptions['clusters'],
  logger: LoggerService = testLogger(),
): Promise<ClusterStateStore> {
  const store = ClusterStateStore.create({
    clusters,
    logger,
    backoff: { initialMs: 50, maxMs: 200 },
  });
  await store.start();
  return store;
}
