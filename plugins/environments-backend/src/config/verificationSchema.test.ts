import { ConfigReader } from '@backstage/config';
import { readChainsConfig } from './readChainsConfig';

function staging(verification: object, extra: object = {}) {
  return new ConfigReader({
    environments: {
      chains: {
        default: [
          { name: 'staging', verification },
          { name: 'production', ...extra },
        ],
      },
    },
  });
}

describe('verification config', () => {
  it('reads durations, defaults and checks', () => {
    const [env] = readChainsConfig(
      staging({
        duration: '10m',
        url: 'https://{service}.staging.example.com',
        http: [{ path: '/health' }],
        prometheus: [
          {
            name: 'error-rate',
            baseUrl: 'http://prometheus.monitoring:9090/',
            query: 'sum(rate(errors{namespace="{namespace}"}[5m]))',
            atMostAbovePrevious: '10%',
          },
        ],
      }),
    ).get('default')!;
    expect(env.verification).toEqual({
      durationMs: 600_000,
      onFailure: 'notify',
      workloads: true,
      url: 'https://{service}.staging.example.com',
      http: [
        {
          path: '/health',
          expectedStatus: 200,
          timeoutMs: 5_000,
          intervalMs: 30_000,
        },
      ],
      prometheus: [
        {
          name: 'error-rate',
          baseUrl: 'http://prometheus.monitoring:9090',
          query: 'sum(rate(errors{namespace="{namespace}"}[5m]))',
          atMost: undefined,
          atMostAbovePreviousPercent: 10,
          intervalMs: 60_000,
        },
      ],
    });
  });

  it.each([
    [
      { duration: 'soon' },
      "Invalid config at 'environments.chains.default.0.verification.duration': 'soon' is not a duration like 30s, 10m, 72h or 1h30m",
    ],
    [
      { duration: '10m', onFailure: 'page' },
      "Invalid config at 'environments.chains.default.0.verification.onFailure'",
    ],
    [{ duration: '10m', http: [{ path: '/health' }] }, 'http checks need url'],
    [
      { duration: '10m', url: 'ftp://x', http: [{ path: '/health' }] },
      "Invalid config at 'environments.chains.default.0.verification.url': must be an http(s) URL",
    ],
    [
      { duration: '10m', url: 'https://{team}.example.com' },
      "Invalid config at 'environments.chains.default.0.verification.url': unknown placeholder {team}",
    ],
    [
      { duration: '10m', url: 'https://x', http: [{ path: 'health' }] },
      'must be a path starting with "/"',
    ],
    [
      {
        duration: '10m',
        url: 'https://x',
        http: [{ path: '/health', timeout: '5m' }],
      },
      "Invalid config at 'environments.chains.default.0.verification.http.0.timeout': must be at most 1m",
    ],
    [
      {
        duration: '10m',
        prometheus: [
          {
            name: 'errors',
            baseUrl: 'http://p:9090',
            query: 'up{job="{job}"}',
            atMost: 1,
          },
        ],
      },
      'may hold only the placeholders {namespace} and {service}',
    ],
    [
      {
        duration: '10m',
        prometheus: [{ name: 'errors', baseUrl: 'http://p:9090', query: 'up' }],
      },
      'needs atMost (a threshold) or atMostAbovePrevious',
    ],
    [
      {
        duration: '10m',
        prometheus: [
          {
            name: 'errors',
            baseUrl: 'http://p:9090',
            query: 'up',
            atMostAbovePrevious: '10',
          },
        ],
      },
      'must be a percentage such as 10%',
    ],
  ])('refuses %j with a message naming the key', (verification, message) => {
    expect(() => readChainsConfig(staging(verification))).toThrow(message);
  });

  it('refuses verifiedInSource when the source does not verify, or there is no source', () => {
    expect(() =>
      readChainsConfig(
        new ConfigReader({
          environments: {
            chains: {
              default: [
                { name: 'staging' },
                { name: 'production', gates: { verifiedInSource: true } },
              ],
            },
          },
        }),
      ),
    ).toThrow(
      "Invalid config at 'environments.chains.default.1.gates.verifiedInSource': staging, the environment before production, configures no verification",
    );
    expect(() =>
      readChainsConfig(
        staging({ duration: '10m' }, { gates: { verifiedInSource: true } }),
      ),
    ).not.toThrow();
  });
});
