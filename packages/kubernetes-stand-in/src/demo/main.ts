/*
 * The demo cluster for the embedded example and the end-to-end tests:
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs packages/kubernetes-stand-in/src/demo/main.ts
 *
 * Settings come from STAGELINE_DEMO_* environment variables (see readDemoOptions.ts).
 */
import { readDemoOptions } from './readDemoOptions';
import { startDemoCluster } from './startDemoCluster';

const log = (message: string) =>
  process.stderr.write(`[demo-cluster] ${message}\n`);

async function main() {
  const options = readDemoOptions(process.env);
  const demo = await startDemoCluster(options, log);
  log(
    `serving ${demo.url}, following ${options.gitDir} (${options.branch}); health endpoints at ${demo.healthUrl}`,
  );
  const shutdown = () => {
    demo.stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch(error => {
  log(`failed to start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
