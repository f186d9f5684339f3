// better-sqlite3 installs a prebuilt binary downloaded from GitHub, else compiles SQLite (minutes
// on two cores). GitHub downloads are not reachable here, so the app would compile it on every
// run. This repository has already built the same version for the same Node ABI: offer that
// build as a local prebuild, in the layout prebuild-install looks for. A version mismatch only
// means the app compiles it itself.
const fs = require('fs');
const path = require('path');
const { run } = require('./processes');

const root = path.resolve(__dirname, '../..');

/** Environment for `yarn install` that points prebuild-install at the local prebuilds. */
async function localPrebuilds(dir) {
  const pkgDir = path.join(root, 'node_modules/better-sqlite3');
  const binary = 'build/Release/better_sqlite3.node';
  if (!fs.existsSync(path.join(pkgDir, binary))) return {};
  const { version } = JSON.parse(
    fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'),
  );
  fs.mkdirSync(dir, { recursive: true });
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  await run('tar', ['-czf', path.join(dir, name), '-C', pkgDir, binary]);
  return { npm_config_better_sqlite3_local_prebuilds: dir };
}

module.exports = { localPrebuilds };
