import { testLogger } from '../__testUtils__/testLogger';
import { ClusterCache } from './ClusterCache';

function cache(
  loadClient: ConstructorParameters<typeof ClusterCache>[0]['loadClient'],
) {
  return new ClusterCache({
    definition: { name: 'local', url: 'https://k8s.invalid' },
    loadClient,
    logger: testLogger(),
    backoff: { initialMs: 50, maxMs: 100 },
    firstReadTimeoutMs: 50,
  });
}

describe('ClusterCache', () => {
  it('says it is still starting while the client has not loaded', async () => {
    const c = cache(() => new Promise(() => {}));
    expect(await c.problemReading(['deployments'])).toBe(
      "cluster 'local' is still starting",
    );
    expect(await c.problemReading(['ingressroutes'])).toBeUndefined();
    await c.stop();
  });

  it('reports a client that cannot load', async () => {
    const c = cache(() => Promise.reject(new Error('Cannot find module')));
    expect(await c.problemReading(['pods'])).toBe(
      "cluster 'local' cannot be read: Cannot find module",
    );
    await c.stop();
  });
});
