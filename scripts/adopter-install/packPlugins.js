// Builds and packs the four plugin packages as a registry would receive them (`yarn pack` runs
// `backstage-cli package prepack`, which points main and types at dist and replaces workspace:
// ranges with versions).
const fs = require('fs');
const path = require('path');
const { run } = require('./processes');

const root = path.resolve(__dirname, '../..');

const PLUGINS = {
  common: 'plugins/environments-common',
  frontend: 'plugins/environments',
  backend: 'plugins/environments-backend',
  scaffolder: 'plugins/scaffolder-backend-module-environments',
};

/** Tarball path per plugin role (common, frontend, backend, scaffolder). */
async function packPlugins(outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  // Package builds read the declarations the type check emits into dist-types.
  const declared = Object.values(PLUGINS).every(dir =>
    fs.existsSync(path.join(root, 'dist-types', dir, 'src/index.d.ts')),
  );
  if (!declared) await run('yarn', ['tsc'], { cwd: root });
  const tarballs = {};
  for (const [role, dir] of Object.entries(PLUGINS)) {
    const cwd = path.join(root, dir);
    await run('yarn', ['build'], { cwd });
    tarballs[role] = path.join(outDir, `${path.basename(dir)}.tgz`);
    await run('yarn', ['pack', '--out', tarballs[role]], { cwd });
  }
  return tarballs;
}

module.exports = { packPlugins };
