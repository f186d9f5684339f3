import { startKubernetesStandIn } from '../startKubernetesStandIn';
import { DemoApplications } from './DemoApplications';
import { DemoHealthEndpoints } from './DemoHealthEndpoints';
import { DemoRollouts } from './DemoRollouts';
import type { DemoOptions } from './DemoOptions';
import { demoTargets } from './demoTargets';
import { forwardPort } from './forwardPort';
import { GitOpsSyncLoop } from './GitOpsSyncLoop';
import { readBranchRevision } from './readBranchRevision';
import { readOverlayFile } from './readOverlayFile';
import { seedNamespaces } from './seedNamespaces';

/**
 * A demo cluster for the embedded example: the stand-in at 127.0.0.1:`port` with the example's
 * namespaces and previews, whose workloads follow the GitOps repository's overlays (first sync
 * done before this resolves), and one Argo CD Application per service and environment that
 * applies each new Git revision `agentSyncDelayMs` after it appears; and a health endpoint per
 * service and environment on 127.0.0.1:`healthPort` for verification's HTTP checks.
 */
export async function startDemoCluster(
  options: DemoOptions,
  log: (message: string) => void = () => {},
): Promise<{ url: string; healthUrl: string; stop(): Promise<void> }> {
  const standIn = await startKubernetesStandIn({
    token: options.token,
    crds: { argoCd: true },
  });
  const forward = await forwardPort(options.port, standIn.url).catch(
    async error => {
      await standIn.stop();
      throw error;
    },
  );
  const health = await DemoHealthEndpoints.start(
    options.healthPort,
    demoTargets(),
  ).catch(async error => {
    await forward.close();
    await standIn.stop();
    throw error;
  });
  const rollouts = new DemoRollouts(standIn, { rolloutMs: options.rolloutMs });
  seedNamespaces(standIn, rollouts);
  const loop = new GitOpsSyncLoop({
    targets: demoTargets(),
    readOverlay: (path, revision) =>
      readOverlayFile({
        gitDir: options.gitDir,
        ref: revision ?? options.branch,
        path,
      }),
    rollouts,
    intervalMs: options.syncIntervalMs,
    log,
    agent: {
      applications: new DemoApplications(standIn, {
        repoURL: options.gitDir,
        syncDelayMs: options.agentSyncDelayMs,
      }),
      readRevision: () =>
        readBranchRevision({ gitDir: options.gitDir, branch: options.branch }),
    },
  });
  await loop.syncOnce();
  loop.start();
  return {
    url: `http://127.0.0.1:${options.port}`,
    healthUrl: health.url,
    async stop() {
      await loop.stop();
      await health.stop();
      rollouts.stop();
      await forward.close();
      await standIn.stop();
    },
  };
}
