import { startPrometheusStandIn } from './__testUtils__/prometheusStandIn';
import { runPrometheusCheck } from './runPrometheusCheck';

const now = () => new Date('2026-11-20T12:00:00Z');

describe('runPrometheusCheck', () => {
  let prometheus: Awaited<ReturnType<typeof startPrometheusStandIn>>;
  beforeEach(async () => {
    prometheus = await startPrometheusStandIn();
  });
  afterEach(() => prometheus.close());

  const check = (more: object) => ({
    name: 'error-rate',
    baseUrl: prometheus.url,
    query: 'sum(rate(errors[5m]))',
    intervalMs: 60_000,
    ...more,
  });

  it('compares the value with a threshold', async () => {
    const run = (atMost: number) =>
      runPrometheusCheck({
        check: check({ atMost }),
        query: 'sum(rate(errors[5m]))',
        now,
      });
    expect(await run(0.05)).toMatchObject({
      check: 'prometheus error-rate',
      passed: true,
      reason: 'error-rate is 0.01, at most 0.05',
    });
    expect(await run(0.001)).toMatchObject({
      passed: false,
      reason: 'error-rate is 0.01: above 0.001',
    });
    expect(prometheus.queries).toEqual([
      'sum(rate(errors[5m]))',
      'sum(rate(errors[5m]))',
    ]);
  });

  it('compares with the value before the promotion, failing closed without one', async () => {
    const run = (before?: number) =>
      runPrometheusCheck({
        check: check({ atMostAbovePreviousPercent: 10 }),
        query: 'q',
        before,
        now,
      });
    expect((await run(0.0095)).passed).toBe(true);
    expect(await run(0.008)).toMatchObject({
      passed: false,
      reason: 'error-rate is 0.01: more than 10% above 0.008',
    });
    expect(await run()).toMatchObject({
      passed: false,
      reason:
        'error-rate is 0.01: no value was measured before the promotion to compare with',
    });
  });

  it('counts an empty result as 0 and fails when Prometheus cannot answer', async () => {
    prometheus.set(undefined);
    expect(
      (
        await runPrometheusCheck({
          check: check({ atMost: 0 }),
          query: 'q',
          now,
        })
      ).reason,
    ).toBe('error-rate is 0, at most 0');
    const url = prometheus.url;
    await prometheus.close();
    expect(
      await runPrometheusCheck({
        check: { ...check({ atMost: 1 }), baseUrl: url },
        query: 'q',
        now,
      }),
    ).toMatchObject({
      passed: false,
      reason: expect.stringMatching(
        /^Prometheus at http:\/\/127\.0\.0\.1:\d+ could not be reached/,
      ),
    });
    prometheus = await startPrometheusStandIn();
  });

  it('reports a refused query', async () => {
    expect(
      await runPrometheusCheck({
        check: { ...check({ atMost: 1 }), baseUrl: `${prometheus.url}/nope` },
        query: 'q',
        now,
      }),
    ).toMatchObject({
      passed: false,
      reason: 'Prometheus refused the query: missing query',
    });
  });
});
