/*
 * Benchmark of GET /api/environments/entities/:kind/:namespace/:name/environments, side by side
 * with the stock Kubernetes plugin's POST /api/kubernetes/services/:id, once per GitOps provider:
 *
 *   provider=github  the overlays in a repository of the GitHub stand-in (msw)
 *   provider=git     the same overlays in one commit of a real bare repository (git CLI, temp dir)
 *
 * Each provider runs in a process of its own (runProvider.ts, forked with --expose-gc), so each
 * gets a fresh backend and its own heap: a Kubernetes API stand-in with BENCH_SERVICES services
 * (default 500) x 4 environments plus 50 preview namespaces, in a further process
 * (clusterProcess.ts) so heap_mb is the backend's (the in-process GitHub stand-in's model of the
 * repository, a few megabytes, is the only other thing in it), all overlays in ONE GitOps
 * repository (`bench/gitops`), environments.gitops.cacheTtl 30 s. Per provider: warm-up (every
 * service until all answer 200 with desired and live state), heap after gc, 2,000 views of random
 * services (concurrency 4), the fleet (pages of 50 services after a random one), 200 Kubernetes
 * plugin views, and a 30 s soak of 40 readers. The fleet's figures are once warm, as the
 * requirement states them: first, logged but not in the figures, 20 plain pages while the fleet's
 * memory is empty (each reads its 50 services for the first time) and one page with a state
 * filter (which reads every service left unread); then 200 plain pages (fleet_p95_ms) and 20
 * with the state filter (fleet_filtered_p95_ms), answered from the fleet's memory.
 * Per-view counts leave out the work of head checks (see counters.ts), reported as head_checks.
 *
 *   yarn bench:environments                       # both providers
 *   BENCH_PROVIDERS=git BENCH_SERVICES=50 yarn bench:environments
 *
 * Progress goes to stderr; stdout gets one line per provider at the end:
 *   bench environments: provider=<github|git> services=N p50_ms=X p95_ms=X k8s_plugin_p95_ms=X
 *   fleet_p95_ms=X fleet_filtered_p95_ms=X fleet_api_requests=N fleet_github_requests=N
 *   api_requests_per_view=X github_requests_per_view=X git_processes_per_view=X
 *   warm_github_requests=X gitops_repositories=N head_checks=N heap_mb=X soak_views_per_s=X
 *   soak_errors=N
 * (one line each; wrapped here).
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { type Provider, PROVIDERS } from './providers';
import { fmt } from './stats';

const log = (message: string) => process.stderr.write(`${message}\n`);

function selectedProviders(): Provider[] {
  const value = process.env.BENCH_PROVIDERS;
  if (!value) return PROVIDERS;
  const selected = value.split(',').map(p => p.trim()) as Provider[];
  const unknown = selected.filter(p => !PROVIDERS.includes(p));
  if (unknown.length || !selected.length) {
    throw new Error(
      `BENCH_PROVIDERS must list some of ${PROVIDERS.join(
        ', ',
      )}, got '${value}'`,
    );
  }
  return selected;
}

/** Runs one provider in a child process; resolves with its result line. */
function runProvider(provider: Provider): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'runProvider.ts'), [], {
      env: { ...process.env, BENCH_PROVIDER: provider },
      execArgv: [...process.execArgv, '--expose-gc'],
      // Anything the child prints on stdout goes to stderr: stdout holds only result lines.
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    child.stdout!.pipe(process.stderr);
    let line: string | undefined;
    child.on('message', (message: { line?: string }) => {
      line = message.line;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0 && line) resolve(line);
      else {
        reject(
          new Error(
            `provider=${provider} failed (${signal ?? `exit code ${code}`})`,
          ),
        );
      }
    });
  });
}

async function main(): Promise<void> {
  const started = performance.now();
  const lines: string[] = [];
  const failures: string[] = [];
  // A failed provider does not stop the other one; the run still fails at the end.
  for (const provider of selectedProviders()) {
    const t0 = performance.now();
    try {
      lines.push(await runProvider(provider));
    } catch (error) {
      failures.push(String(error));
    }
    log(
      `provider=${provider} done in ${fmt((performance.now() - t0) / 1000)} s`,
    );
  }
  log(`total ${fmt((performance.now() - started) / 1000)} s`);
  process.stdout.write(lines.map(l => `${l}\n`).join(''));
  if (failures.length) throw new Error(failures.join('; '));
}

main().then(
  () => process.exit(0),
  error => {
    log(`bench environments failed: ${error?.stack ?? error}`);
    process.exit(1);
  },
);
