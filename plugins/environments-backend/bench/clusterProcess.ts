/*
 * The benchmark's Kubernetes API stand-in in a process of its own, so the objects it serves
 * do not count in the backend's heap. Forked by startClusterProcess: seeds the workloads, sends
 * `{ url }` over IPC, then answers `count`, `reset` and `stop` requests.
 */
import { startKubernetesStandIn } from '@stageline/kubernetes-stand-in';
import { applyWorkload, ENVIRONMENTS, serviceId } from './fixtures';

type Request = { id: number; type: 'count' | 'reset' | 'stop' };

async function main() {
  const services = Number(process.env.BENCH_SERVICES);
  const previews = Number(process.env.BENCH_PREVIEWS);
  const cluster = await startKubernetesStandIn({
    token: process.env.BENCH_CLUSTER_TOKEN!,
    historyLimit: 50_000,
  });
  for (let i = 0; i < services; i++) {
    for (const env of ENVIRONMENTS) {
      applyWorkload(cluster, {
        id: serviceId(i),
        namespace: env,
        version: env,
      });
    }
  }
  for (let n = 1; n <= previews; n++) {
    applyWorkload(cluster, {
      id: serviceId((n * 7) % services),
      namespace: `feature-pr-${n}`,
      version: `pr-${n}`,
      pods: 1,
    });
  }
  process.on('message', async (request: Request) => {
    if (request.type === 'count') {
      process.send!({ id: request.id, value: cluster.requestCount() });
    } else if (request.type === 'reset') {
      cluster.resetRequestCount();
      process.send!({ id: request.id });
    } else {
      await cluster.stop();
      process.send!({ id: request.id }, () => process.exit(0));
    }
  });
  process.send!({ url: cluster.url });
}

main().catch(error => {
  process.stderr.write(`[cluster] failed: ${error?.stack ?? error}\n`);
  process.exit(1);
});
