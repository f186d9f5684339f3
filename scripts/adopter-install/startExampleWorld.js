// What an adopter already has before installing Stageline: a GitOps repository with a
// service's overlays and owner file, and a cluster running what they declare. Here they are the
// repository's own example (scripts/lib/seed-examples.js) and its demo cluster, a Kubernetes
// API stand-in that serves the real REST and watch protocol.
const path = require('path');
const { run, start, waitFor } = require('./processes');

const root = path.resolve(__dirname, '../..');
const CLUSTER_PORT = Number(process.env.STAGELINE_ADOPTER_CLUSTER_PORT || 7178);
const CLUSTER_TOKEN = 'stageline-adopter-token';

async function startExampleWorld(dir) {
  const gitDir = path.join(dir, 'git');
  await run('node', ['scripts/lib/seed-examples.js', '--target', gitDir], {
    cwd: root,
  });
  const cluster = start(
    'node',
    [
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      'packages/kubernetes-stand-in/src/demo/main.ts',
    ],
    {
      cwd: root,
      env: {
        STAGELINE_DEMO_CLUSTER_PORT: String(CLUSTER_PORT),
        STAGELINE_DEMO_CLUSTER_TOKEN: CLUSTER_TOKEN,
        STAGELINE_DEMO_GITOPS_DIR: path.join(gitDir, 'gitops.git'),
      },
    },
  );
  const clusterUrl = `http://127.0.0.1:${CLUSTER_PORT}`;
  // Any answer means it listens (401 without the token).
  await waitFor(
    'the example cluster',
    async () => (await fetch(`${clusterUrl}/version`)).status > 0,
    60_000,
    cluster,
  );
  return {
    clusterUrl,
    clusterToken: CLUSTER_TOKEN,
    gitopsRepository: path.join(gitDir, 'gitops.git'),
  };
}

module.exports = { startExampleWorld };
