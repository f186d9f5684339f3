import { mockCredentials } from '@backstage/backend-test-utils';
import type { FleetResponse } from '@stageline/plugin-environments-common';
import { encodeFleetCursor } from '../src/fleet/fleetCursor';
import { ENVIRONMENTS, serviceId } from './fixtures';
import { runPool, seededRandom, summarize } from './stats';

const PAGE = 50;

/**
 * `count` fleet pages (`GET /fleet?limit=50`) starting after a random service (seeded), as the
 * Environments page asks for them; `query` adds filters. Latencies of the 200s, else throws.
 */
export async function measureFleet(
  baseUrl: string,
  services: number,
  options: { count: number; concurrency: number; seed: number; query?: string },
) {
  const authorization = mockCredentials.user.header();
  const random = seededRandom(options.seed);
  const latencies: number[] = [];
  await runPool(options.count, options.concurrency, async () => {
    const after = Math.floor(random() * services);
    const cursor = encodeFleetCursor(`component:default/${serviceId(after)}`);
    const url = `${baseUrl}/api/environments/fleet?limit=${PAGE}&cursor=${cursor}${
      options.query ? `&${options.query}` : ''
    }`;
    const t0 = performance.now();
    const res = await fetch(url, { headers: { authorization } });
    const body = (await res.json()) as FleetResponse;
    latencies.push(performance.now() - t0);
    const incomplete = body.services?.find(
      s => s.error || s.environments.length !== ENVIRONMENTS.length,
    );
    if (res.status !== 200 || incomplete) {
      throw new Error(
        `fleet after ${serviceId(after)}: HTTP ${res.status} ${JSON.stringify(
          incomplete ?? body,
        ).slice(0, 500)}`,
      );
    }
  });
  return summarize(latencies);
}
