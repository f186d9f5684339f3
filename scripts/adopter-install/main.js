#!/usr/bin/env node
// Proves that a platform team can install Stageline into an app of its own, as the package
// READMEs say: packs the four plugin packages, creates a fresh app with @backstage/create-app
// in a temporary folder outside this repository, installs the tarballs, adds the two
// `backend.add` lines, one annotated entity and the minimum config, starts the app, checks
// that the environments route answers for that entity and that the Environments tab appears in
// Chromium by feature discovery alone.
//
//   node scripts/adopter-install/main.js [--keep]
//
// Runs from the machine's Yarn cache once it is warm. Prints each step's time and the total;
// `--keep` leaves the temporary folder (its path is printed) for a look around.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { packPlugins } = require('./packPlugins');
const { createAdopterApp } = require('./createAdopterApp');
const { startExampleWorld } = require('./startExampleWorld');
const { startAdopterApp } = require('./startAdopterApp');
const { checkEnvironmentsRoute, checkEnvironmentsTab } = require('./checks');
const { timed, stopAll } = require('./processes');

async function main() {
  const keep = process.argv.includes('--keep');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'stageline-adopter-'));
  const started = Date.now();
  console.log(`[adopter] working in ${work}`);
  try {
    const tarballs = await timed('pack the plugin packages', () =>
      packPlugins(path.join(work, 'packs')),
    );
    const world = await timed(
      'seed the example GitOps repository and cluster',
      () => startExampleWorld(path.join(work, 'world')),
    );
    const appDir = path.join(work, 'app');
    await timed('create the app and install Stageline', () =>
      createAdopterApp({ appDir, tarballs, world }),
    );
    const app = await timed('start the app', () => startAdopterApp(appDir));
    await timed('check the environments route', () =>
      checkEnvironmentsRoute(app),
    );
    await timed('check the Environments tab in Chromium', () =>
      checkEnvironmentsTab(app),
    );
    console.log(
      `[adopter] passed in ${Math.round((Date.now() - started) / 1000)} s`,
    );
  } finally {
    await stopAll();
    if (keep) console.log(`[adopter] kept ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(`[adopter] FAILED: ${error.stack ?? error}`);
  process.exitCode = 1;
});
