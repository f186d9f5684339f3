/*
 * One provider's run of the environments benchmark, in a process of its own (environments.ts
 * forks it with BENCH_PROVIDER=github|git and --expose-gc). Sends its result line to the parent
 * over IPC, or prints it when run directly.
 */
// First: counts git processes and tags head checks before anything loads the backend.
import { writeHeapSnapshot } from 'node:v8';
import { join } from 'node:path';
import { githubRequests, gitProcesses, countingHandler } from './counters';
import { setupServer } from 'msw/node';
import { createGithubStandIn } from '../src/gitops/github/__testUtils__/createGithubStandIn';
import { startBenchBackend } from './backend';
import { entityOf, overlayFiles, serviceId } from './fixtures';
import { measureFleet } from './fleet';
import { type Provider, PROVIDERS, setUpProvider } from './providers';
import { soak } from './soak';
import { startClusterProcess } from './startClusterProcess';
import { fmt } from './stats';
import {
  measureEnvironments,
  measureKubernetesPlugin,
  Views,
  warmUp,
} from './views';

const SERVICES = Number(process.env.BENCH_SERVICES) || 500;
const PREVIEWS = 50;
const VIEWS = 2000;
const K8S_PLUGIN_VIEWS = 200;
const FLEET_COLD_PAGES = 20;
const FLEET_PAGES = 200;
const FLEET_FILTERED_PAGES = 20;
const CONCURRENCY = 4;
const WARM_TIMEOUT_MS = 120_000;
const SOAK_READERS = 40;
const SOAK_MS = 30_000;
const CACHE_TTL = '30s';
const CLUSTER_TOKEN = 'bench-cluster-token';
const GITHUB_TOKEN = 'bench-token';
const GITOPS_ANNOTATION = 'stageline.io/gitops-repo';

const provider = process.env.BENCH_PROVIDER as Provider;
const log = (message: string) =>
  process.stderr.write(`[${provider}] ${message}\n`);
/** Per-view counts keep four decimals, so one request in 2,000 views still shows. */
const perView = (count: number) =>
  String(Math.round((count / VIEWS) * 1e4) / 1e4);

async function run(cleanups: Array<() => Promise<void> | void>) {
  // Cluster: SERVICES services x 4 environments, plus 50 preview namespaces, served from
  // another process so that heap_mb is the backend's own.
  let phase = performance.now();
  const cluster = await startClusterProcess({
    services: SERVICES,
    previews: PREVIEWS,
    token: CLUSTER_TOKEN,
  });
  cleanups.push(() => cluster.stop());

  // GitOps: one repository with an overlay per service and environment. The GitHub stand-in
  // runs for both providers, so GitHub requests are counted (and should be none) on git too.
  const github = createGithubStandIn({ token: GITHUB_TOKEN });
  const msw = setupServer(
    countingHandler([github.urls.api, github.urls.codeload]),
    ...github.handlers,
  );
  msw.listen({ onUnhandledRequest: 'bypass' });
  cleanups.push(() => msw.close());
  const setup = await setUpProvider(provider, overlayFiles(SERVICES), github);
  cleanups.push(() => setup.cleanup());
  log(`seeded in ${fmt(performance.now() - phase)} ms`);

  phase = performance.now();
  const entities = Array.from({ length: SERVICES }, (_, i) =>
    entityOf(serviceId(i)),
  );
  const backend = await startBenchBackend({
    clusterUrl: cluster.url,
    clusterToken: CLUSTER_TOKEN,
    githubToken: GITHUB_TOKEN,
    entities,
    cacheTtl: CACHE_TTL,
    gitops: setup.gitops,
  });
  cleanups.push(() => backend.stop());
  const { repositories } = backend;
  const views = new Views(backend.baseUrl);
  log(`backend started in ${fmt(performance.now() - phase)} ms`);

  // Warm-up: every service once, and again until all are complete.
  phase = performance.now();
  let githubLog = github.requests.total;
  let githubMark = githubRequests.mark();
  let gitMark = gitProcesses.mark();
  const rounds = await warmUp(views, SERVICES, {
    concurrency: CONCURRENCY * 2,
    timeoutMs: WARM_TIMEOUT_MS,
  });
  const warmGithub = github.requests.total - githubLog;
  const warmGithubTally = githubRequests.since(githubMark);
  const warmGit = gitProcesses.since(gitMark);
  log(
    `warmed ${SERVICES} services in ${fmt(
      performance.now() - phase,
    )} ms (${rounds} rounds); GitHub requests ${warmGithub} (counted ${
      warmGithubTally.total
    }, in head checks ${warmGithubTally.inHeadChecks}) ${JSON.stringify(
      github.requests.byStatus(),
    )}; git processes ${warmGit.total} (in head checks ${
      warmGit.inHeadChecks
    }) ${JSON.stringify(
      warmGit.byKind,
    )}; head checks ${repositories.headChecks()}`,
  );
  if (warmGithubTally.total !== warmGithub) {
    throw new Error(
      `the GitHub request counter saw ${warmGithubTally.total} requests, the stand-in logged ${warmGithub}`,
    );
  }
  if (provider === 'git' && warmGit.total === 0) {
    throw new Error('the spawn wrapper counted no git process during warm-up');
  }

  // Heap after warm-up; two collections so objects freed by finalizers go too.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run node with --expose-gc');
  gc();
  gc();
  const heapMb = process.memoryUsage().heapUsed / (1024 * 1024);
  // For finding what holds the heap: BENCH_HEAP_SNAPSHOT=<folder> writes one per provider.
  if (process.env.BENCH_HEAP_SNAPSHOT) {
    writeHeapSnapshot(
      join(process.env.BENCH_HEAP_SNAPSHOT, `bench-${provider}.heapsnapshot`),
    );
  }

  // Measured: environments views of random services.
  phase = performance.now();
  await cluster.resetRequestCount();
  githubLog = github.requests.total;
  githubMark = githubRequests.mark();
  gitMark = gitProcesses.mark();
  const headChecksBefore = repositories.headChecks();
  const environments = await measureEnvironments(views, SERVICES, {
    count: VIEWS,
    concurrency: CONCURRENCY,
    seed: 1,
  });
  const elapsed = performance.now() - phase;
  const apiRequests = await cluster.requestCount();
  const headChecks = repositories.headChecks() - headChecksBefore;
  const measuredGithub = githubRequests.since(githubMark);
  const measuredGit = gitProcesses.since(gitMark);
  log(
    `environments: ${VIEWS} views in ${fmt(elapsed)} ms (${fmt(
      (VIEWS / elapsed) * 1000,
    )}/s, concurrency ${CONCURRENCY}) p50=${fmt(environments.p50)} p95=${fmt(
      environments.p95,
    )} p99=${fmt(environments.p99)} max=${fmt(
      environments.max,
    )} ms; Kubernetes API requests ${apiRequests}; head checks ${headChecks}; GitHub requests ${
      measuredGithub.total
    } (stand-in log ${github.requests.total - githubLog}, in head checks ${
      measuredGithub.inHeadChecks
    }) ${JSON.stringify(measuredGithub.byKind)}; git processes ${
      measuredGit.total
    } (in head checks ${measuredGit.inHeadChecks}) ${JSON.stringify(
      measuredGit.byKind,
    )}`,
  );

  // Fleet pages (50 services x 4 environments each), measured once warm, as the fleet answers
  // after its first calls. Before that, not in the figures but logged: 20 plain pages while the
  // fleet's memory is empty (each reads its 50 services from the read model's caches for the
  // first time), then one page with a state filter, which reads every service the pages before
  // left unread. Then 200 plain pages and 20 pages with the state filter (which judges every
  // service's environments before paging), all answered from the fleet's memory.
  phase = performance.now();
  await cluster.resetRequestCount();
  githubMark = githubRequests.mark();
  gitMark = gitProcesses.mark();
  const fleetCold = await measureFleet(backend.baseUrl, SERVICES, {
    count: FLEET_COLD_PAGES,
    concurrency: CONCURRENCY,
    seed: 6,
  });
  const fleetFilteredCold = await measureFleet(backend.baseUrl, SERVICES, {
    count: 1,
    concurrency: 1,
    seed: 5,
    query: 'state=drifted,failing',
  });
  const fleetWarmedMs = performance.now() - phase;
  phase = performance.now();
  const fleet = await measureFleet(backend.baseUrl, SERVICES, {
    count: FLEET_PAGES,
    concurrency: CONCURRENCY,
    seed: 3,
  });
  const fleetPlainMs = performance.now() - phase;
  const fleetFiltered = await measureFleet(backend.baseUrl, SERVICES, {
    count: FLEET_FILTERED_PAGES,
    concurrency: CONCURRENCY,
    seed: 4,
    query: 'state=drifted,failing',
  });
  const fleetApiRequests = await cluster.requestCount();
  const fleetGithub = githubRequests.since(githubMark);
  const fleetGit = gitProcesses.since(gitMark);
  log(
    `fleet: cold (first reads, not in the figures): ${FLEET_COLD_PAGES} pages of 50 p50=${fmt(
      fleetCold.p50,
    )} p95=${fmt(fleetCold.p95)} max=${fmt(
      fleetCold.max,
    )} ms, then the first page with state=drifted,failing ${fmt(
      fleetFilteredCold.max,
    )} ms (warm after ${fmt(
      fleetWarmedMs,
    )} ms); warm: ${FLEET_PAGES} pages of 50 in ${fmt(
      fleetPlainMs,
    )} ms p50=${fmt(fleet.p50)} p95=${fmt(fleet.p95)} p99=${fmt(
      fleet.p99,
    )} max=${fmt(
      fleet.max,
    )} ms, ${FLEET_FILTERED_PAGES} pages with state=drifted,failing p50=${fmt(
      fleetFiltered.p50,
    )} p95=${fmt(
      fleetFiltered.p95,
    )} ms; Kubernetes API requests ${fleetApiRequests}; GitHub requests ${
      fleetGithub.outside
    }; git processes ${fleetGit.outside}`,
  );

  // Measured: the stock Kubernetes plugin.
  phase = performance.now();
  await cluster.resetRequestCount();
  const k8s = await measureKubernetesPlugin(views, entities, {
    count: K8S_PLUGIN_VIEWS,
    concurrency: CONCURRENCY,
  });
  log(
    `kubernetes plugin: ${K8S_PLUGIN_VIEWS} views in ${fmt(
      performance.now() - phase,
    )} ms p50=${fmt(k8s.p50)} p95=${fmt(k8s.p95)} p99=${fmt(k8s.p99)} max=${fmt(
      k8s.max,
    )} ms; Kubernetes API requests ${await cluster.requestCount()}`,
  );

  // Soak: many concurrent readers; a head check falls due (cacheTtl) while they read.
  const soakHeadChecks = repositories.headChecks();
  githubMark = githubRequests.mark();
  gitMark = gitProcesses.mark();
  const soaked = await soak(views, SERVICES, {
    readers: SOAK_READERS,
    durationMs: SOAK_MS,
    seed: 2,
  });
  const soakViewsPerS = (soaked.views / soaked.elapsedMs) * 1000;
  log(
    `soak: ${SOAK_READERS} readers, ${soaked.views} views in ${fmt(
      soaked.elapsedMs,
    )} ms (${fmt(soakViewsPerS)}/s), ${soaked.errors} errors ${JSON.stringify(
      soaked.samples,
    )}; head checks ${
      repositories.headChecks() - soakHeadChecks
    }; GitHub requests ${JSON.stringify(
      githubRequests.since(githubMark),
    )}; git processes ${JSON.stringify(gitProcesses.since(gitMark))}`,
  );

  const gitopsRepositories = new Set(
    entities.map(e => e.metadata.annotations?.[GITOPS_ANNOTATION]),
  ).size;
  return [
    `bench environments: provider=${provider}`,
    `services=${SERVICES}`,
    `p50_ms=${fmt(environments.p50)}`,
    `p95_ms=${fmt(environments.p95)}`,
    `k8s_plugin_p95_ms=${fmt(k8s.p95)}`,
    `fleet_p95_ms=${fmt(fleet.p95)}`,
    `fleet_filtered_p95_ms=${fmt(fleetFiltered.p95)}`,
    `fleet_api_requests=${fleetApiRequests}`,
    `fleet_github_requests=${fleetGithub.outside}`,
    `api_requests_per_view=${perView(apiRequests)}`,
    `github_requests_per_view=${perView(measuredGithub.outside)}`,
    `git_processes_per_view=${perView(measuredGit.outside)}`,
    `warm_github_requests=${warmGithub}`,
    `gitops_repositories=${gitopsRepositories}`,
    `head_checks=${headChecks}`,
    `heap_mb=${fmt(heapMb)}`,
    `soak_views_per_s=${fmt(soakViewsPerS)}`,
    `soak_errors=${soaked.errors}`,
  ].join(' ');
}

async function main(): Promise<string> {
  if (!PROVIDERS.includes(provider)) {
    throw new Error(`BENCH_PROVIDER must be one of ${PROVIDERS.join(', ')}`);
  }
  const cleanups: Array<() => Promise<void> | void> = [];
  try {
    return await run(cleanups);
  } finally {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        log(`cleanup failed: ${error}`);
      }
    }
  }
}

main().then(
  line => {
    if (process.send) process.send({ line }, () => process.exit(0));
    else {
      process.stdout.write(`${line}\n`);
      process.exit(0);
    }
  },
  error => {
    log(`failed: ${error?.stack ?? error}`);
    process.exit(1);
  },
);
