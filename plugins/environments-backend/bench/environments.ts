/*
 * Benchmark of GET /api/environments/entities/:kind/:namespace/:name/environments against a
 * Kubernetes API stand-in (500 services x 4 environments plus 50 previews) and a GitHub stand-in
 * (msw), compared with the stock Kubernetes plugin's POST /api/kubernetes/services/:id.
 *
 *   yarn bench:environments
 *
 * Prints one final line:
 *   bench environments: services=500 p50_ms=X p95_ms=Y api_requests_per_view=Z k8s_plugin_p95_ms=A k8s_plugin_api_requests_per_view=B
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  type KubernetesStandIn,
  startKubernetesStandIn,
} from '@stageline/kubernetes-stand-in';
import type { EnvironmentsResponse } from '@stageline/plugin-environments-common';
import { setupServer } from 'msw/node';
import type { AddressInfo } from 'node:net';
import { createGithubStandIn } from '../src/__testUtils__/github/createGithubStandIn';
import { environmentsPlugin } from '../src/plugin';
import {
  applyWorkload,
  ENVIRONMENTS,
  entityOf,
  GITOPS_REPO,
  kustomizationOf,
  serviceId,
} from './fixtures';
import { fmt, runPool, summarize } from './stats';

// BENCH_SERVICES overrides the service count for quick experiments.
const SERVICES = Number(process.env.BENCH_SERVICES) || 500;
const PREVIEWS = 50;
const VIEWS = 2000;
const K8S_PLUGIN_VIEWS = 200;
const CONCURRENCY = 4;
const WARM_TIMEOUT_MS = 60_000;
const TOKEN = 'bench-cluster-token';

const log = (message: string) => process.stderr.write(`${message}\n`);

async function main(): Promise<void> {
  const started = performance.now();
  const cleanups: Array<() => Promise<void> | void> = [];
  try {
    await run(cleanups);
  } finally {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        log(`cleanup failed: ${error}`);
      }
    }
    log(`total ${fmt((performance.now() - started) / 1000)} s`);
  }
}

async function run(cleanups: Array<() => Promise<void> | void>) {
  // Cluster: 500 services x 4 environments, plus 50 preview namespaces.
  let phase = performance.now();
  const standIn: KubernetesStandIn = await startKubernetesStandIn({
    token: TOKEN,
    historyLimit: 50_000,
  });
  cleanups.push(() => standIn.stop());
  for (let i = 0; i < SERVICES; i++) {
    for (const env of ENVIRONMENTS) {
      applyWorkload(standIn, {
        id: serviceId(i),
        namespace: env,
        version: env,
      });
    }
  }
  for (let n = 1; n <= PREVIEWS; n++) {
    applyWorkload(standIn, {
      id: serviceId((n * 7) % SERVICES),
      namespace: `feature-pr-${n}`,
      version: `pr-${n}`,
      pods: 1,
    });
  }

  // GitOps: one repository with an overlay per service and environment.
  const github = createGithubStandIn({ token: 'bench-token' });
  const files: Record<string, string> = {};
  for (let i = 0; i < SERVICES; i++) {
    const id = serviceId(i);
    for (const env of ENVIRONMENTS) {
      files[`apps/${id}/overlays/${env}/kustomization.yaml`] = kustomizationOf(
        id,
        env,
      );
    }
  }
  github.model.addRepo(GITOPS_REPO, { files });
  const msw = setupServer(...github.handlers);
  msw.listen({ onUnhandledRequest: 'bypass' });
  cleanups.push(() => msw.close());
  log(`seeded in ${fmt(performance.now() - phase)} ms`);

  // Backend: environments plugin and the stock Kubernetes plugin side by side.
  phase = performance.now();
  const entities = Array.from({ length: SERVICES }, (_, i) =>
    entityOf(serviceId(i)),
  );
  const backend = await startTestBackend({
    features: [
      environmentsPlugin,
      import('@backstage/plugin-kubernetes-backend'),
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          integrations: {
            github: [{ host: 'github.com', token: 'bench-token' }],
          },
          kubernetes: {
            serviceLocatorMethod: { type: 'multiTenant' },
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: [
                  {
                    name: 'bench',
                    url: standIn.url,
                    authProvider: 'serviceAccount',
                    serviceAccountToken: TOKEN,
                    skipTLSVerify: true,
                    skipMetricsLookup: true,
                  },
                ],
              },
            ],
          },
          environments: {
            chains: { default: ENVIRONMENTS.map(name => ({ name })) },
            gitops: { cacheTtl: '10m' },
          },
        },
      }),
    ],
  });
  cleanups.push(() => backend.stop());
  const { port } = backend.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const authorization = mockCredentials.user.header();
  log(`backend started in ${fmt(performance.now() - phase)} ms`);

  async function view(i: number): Promise<EnvironmentsResponse> {
    const res = await fetch(
      `${baseUrl}/api/environments/entities/component/default/${serviceId(
        i,
      )}/environments`,
      { headers: { authorization } },
    );
    if (res.status !== 200) {
      throw new Error(
        `environments of ${serviceId(i)}: HTTP ${
          res.status
        } ${await res.text()}`,
      );
    }
    return (await res.json()) as EnvironmentsResponse;
  }

  function problemsOf(body: EnvironmentsResponse): string[] {
    return body.environments.flatMap(env => [
      ...env.errors.map(e => `${env.name}: ${e.source}: ${e.message}`),
      ...(env.live ? [] : [`${env.name}: no live state`]),
      ...(env.desired ? [] : [`${env.name}: no desired state`]),
      ...(env.sync.status === 'in-sync'
        ? []
        : [`${env.name}: ${env.sync.status} (${env.sync.reason})`]),
    ]);
  }

  // Warm up: wait for live state of the last service, then read every service once.
  phase = performance.now();
  const deadline = Date.now() + WARM_TIMEOUT_MS;
  for (;;) {
    const body = await view(SERVICES - 1);
    if (body.environments.every(env => env.live)) break;
    if (Date.now() > deadline) {
      throw new Error(
        `no live state for ${serviceId(SERVICES - 1)} after ${
          WARM_TIMEOUT_MS / 1000
        } s: ${problemsOf(body).join('; ')}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  const problems: string[] = [];
  await runPool(SERVICES, CONCURRENCY * 2, async i => {
    const body = await view(i);
    problems.push(...problemsOf(body).map(p => `${serviceId(i)} ${p}`));
  });
  if (problems.length > 0) {
    throw new Error(
      `warm-up found ${problems.length} problems, e.g. ${problems
        .slice(0, 5)
        .join('; ')}`,
    );
  }
  log(
    `warmed ${SERVICES} services in ${fmt(
      performance.now() - phase,
    )} ms (GitHub requests: ${github.requests.total})`,
  );

  // Measured: environments views, round-robin over services.
  standIn.resetRequestCount();
  github.requests.clear();
  phase = performance.now();
  const latencies: number[] = [];
  await runPool(VIEWS, CONCURRENCY, async index => {
    const t0 = performance.now();
    const body = await view(index % SERVICES);
    latencies.push(performance.now() - t0);
    if (body.environments.length !== ENVIRONMENTS.length) {
      throw new Error(`unexpected response for ${serviceId(index % SERVICES)}`);
    }
  });
  const elapsed = performance.now() - phase;
  const environments = summarize(latencies);
  const apiRequestsPerView = standIn.requestCount() / VIEWS;
  const githubRequests = github.requests.total;
  const githubByStatus = github.requests.byStatus();
  log(
    `environments: ${VIEWS} views in ${fmt(elapsed)} ms (${fmt(
      (VIEWS / elapsed) * 1000,
    )}/s, concurrency ${CONCURRENCY}) p50=${fmt(environments.p50)} p95=${fmt(
      environments.p95,
    )} p99=${fmt(environments.p99)} max=${fmt(
      environments.max,
    )} ms; stand-in requests ${standIn.requestCount()}`,
  );

  // Measured: the stock Kubernetes plugin, over various services.
  standIn.resetRequestCount();
  phase = performance.now();
  const k8sLatencies: number[] = [];
  await runPool(K8S_PLUGIN_VIEWS, CONCURRENCY, async index => {
    const i = (index * 37) % SERVICES;
    const t0 = performance.now();
    const res = await fetch(
      `${baseUrl}/api/kubernetes/services/${serviceId(i)}`,
      {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ entity: entities[i] }),
      },
    );
    const body = (await res.json()) as {
      items?: Array<{ errors: unknown[]; resources: unknown[] }>;
    };
    k8sLatencies.push(performance.now() - t0);
    if (res.status !== 200 || !body.items?.length) {
      throw new Error(
        `kubernetes plugin for ${serviceId(i)}: HTTP ${
          res.status
        } ${JSON.stringify(body).slice(0, 500)}`,
      );
    }
    if (body.items.some(item => item.errors.length > 0)) {
      throw new Error(
        `kubernetes plugin for ${serviceId(
          i,
        )} reported errors: ${JSON.stringify(
          body.items.map(item => item.errors),
        ).slice(0, 500)}`,
      );
    }
  });
  const k8sElapsed = performance.now() - phase;
  const k8s = summarize(k8sLatencies);
  const k8sRequestsPerView = standIn.requestCount() / K8S_PLUGIN_VIEWS;
  log(
    `kubernetes plugin: ${K8S_PLUGIN_VIEWS} views in ${fmt(
      k8sElapsed,
    )} ms p50=${fmt(k8s.p50)} p95=${fmt(k8s.p95)} p99=${fmt(k8s.p99)} max=${fmt(
      k8s.max,
    )} ms; stand-in requests ${standIn.requestCount()}`,
  );

  process.stdout.write(
    `github requests during measured environments phase: ${githubRequests} ${JSON.stringify(
      githubByStatus,
    )}\n`,
  );
  process.stdout.write(
    `bench environments: services=${SERVICES} p50_ms=${fmt(
      environments.p50,
    )} p95_ms=${fmt(environments.p95)} api_requests_per_view=${fmt(
      apiRequestsPerView,
    )} k8s_plugin_p95_ms=${fmt(k8s.p95)} k8s_plugin_api_requests_per_view=${fmt(
      k8sRequestsPerView,
    )}\n`,
  );
}

main().then(
  () => process.exit(0),
  error => {
    log(`bench environments failed: ${error?.stack ?? error}`);
    process.exit(1);
  },
);
