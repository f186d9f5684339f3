import { defineConfig } from '@playwright/test';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');
const appUrl = process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000';
// Absolute: the backend resolves relative config paths from its package folder.
const configArgs = ['app-config.yaml', 'app-config.e2e.yaml']
  .map(file => `--config ${path.join(repoRoot, file)}`)
  .join(' ');

/**
 * End-to-end tests against the real app (the frontend's production build and the backend), in
 * Debian's Chromium, with the demo cluster (app-config.e2e.yaml). Playwright builds and starts
 * them itself, and stops them at the end, unless PLAYWRIGHT_URL points at a running app.
 */
export default defineConfig({
  testDir: 'e2e-tests',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [
    ['list'],
    [
      'json',
      { outputFile: path.join(repoRoot, '.stageline/e2e-results.json') },
    ],
  ],
  globalSetup: require.resolve('./e2e-tests/waitForApp'),
  webServer: process.env.PLAYWRIGHT_URL
    ? undefined
    : [
        {
          // A fresh example GitOps repository each run, and the demo cluster following it.
          command:
            'node scripts/lib/seed-examples.js --force && node --require @backstage/cli/config/nodeTransform.cjs packages/kubernetes-stand-in/src/demo/main.ts',
          cwd: repoRoot,
          // Any answer means it is up (401 without the token).
          url: 'http://127.0.0.1:7077/version',
          reuseExistingServer: !process.env.CI,
          timeout: 60_000,
          stdout: 'ignore',
          stderr: 'pipe',
          gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
        },
        {
          // The app's production build with the same config layers, served as files: its pages
          // load several times faster than the development server's.
          command: `yarn backstage-cli package build ${configArgs} && node ../../scripts/lib/serve-built-app.js dist 3000`,
          cwd: path.join(repoRoot, 'packages/app'),
          url: 'http://localhost:3000',
          reuseExistingServer: !process.env.CI,
          timeout: 300_000,
          stdout: 'ignore',
          stderr: 'pipe',
        },
        {
          command: `yarn start ${configArgs}`,
          cwd: path.join(repoRoot, 'packages/backend'),
          url: 'http://localhost:7007/api/environments/health',
          reuseExistingServer: !process.env.CI,
          timeout: 300_000,
          stdout: 'ignore',
          stderr: 'pipe',
          gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
        },
      ],
  use: {
    baseURL: appUrl,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  outputDir: path.join(repoRoot, '.stageline/e2e-artifacts'),
});
