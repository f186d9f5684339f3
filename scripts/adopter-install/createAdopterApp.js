// A fresh app from @backstage/create-app, then exactly what the package READMEs tell an adopter
// to do: add the packages, the two `backend.add` lines, one annotated entity and the minimum
// config (plain Git variant). Nothing else of the app is touched.
const fs = require('fs');
const path = require('path');
const { run } = require('./processes');
const { localPrebuilds } = require('./localPrebuilds');

const root = path.resolve(__dirname, '../..');

// The create-app of the Backstage release Stageline supports (backstage.json).
const CREATE_APP_VERSION = '0.9.2';
const FRONTEND_PORT = Number(process.env.STAGELINE_ADOPTER_APP_PORT || 3178);
const BACKEND_PORT = Number(process.env.STAGELINE_ADOPTER_BACKEND_PORT || 7179);

const ENTITY = `
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout
  annotations:
    backstage.io/kubernetes-id: checkout
    stageline.io/gitops-repo: shop/gitops
    stageline.io/overlays-path: apps/checkout/overlays
    stageline.io/image: registry.example.com/shop/checkout
spec:
  type: service
  lifecycle: production
  owner: guests
`;

function editJson(file, edit) {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  edit(json);
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}

/**
 * Brings the app's @backstage packages to the releases Stageline is built and tested with (this
 * repository's installed versions), as `backstage-cli versions:bump` would to the current
 * release: create-app 0.9.2 pins `@backstage/backend-defaults` ^0.18.0 while its `^` ranges
 * resolve plugins released since, which need 0.19 (the signals backend then fails to start,
 * Stageline or not). Packages this repository does not use keep the app's ranges.
 */
function bumpBackstagePackages(appDir) {
  for (const manifest of [
    'package.json',
    'packages/app/package.json',
    'packages/backend/package.json',
  ]) {
    editJson(path.join(appDir, manifest), json => {
      for (const field of ['dependencies', 'devDependencies']) {
        for (const name of Object.keys(json[field] ?? {})) {
          if (!name.startsWith('@backstage/')) continue;
          const installed = path.join(
            root,
            'node_modules',
            name,
            'package.json',
          );
          if (!fs.existsSync(installed)) continue;
          json[field][name] = `^${
            JSON.parse(fs.readFileSync(installed, 'utf8')).version
          }`;
        }
      }
    });
  }
}

function addBackendFeatures(appDir) {
  const file = path.join(appDir, 'packages/backend/src/index.ts');
  const source = fs.readFileSync(file, 'utf8');
  const lines = [
    "backend.add(import('@stageline/plugin-environments-backend'));",
    "backend.add(import('@stageline/plugin-scaffolder-backend-module-environments'));",
  ];
  if (!source.includes('backend.start();')) {
    throw new Error(`${file} has no 'backend.start();' to add features before`);
  }
  fs.writeFileSync(
    file,
    source.replace(
      'backend.start();',
      `${lines.join('\n')}\n\nbackend.start();`,
    ),
  );
}

function writeConfig(appDir, world) {
  // Ports apart from the defaults, so the check runs beside a developer's app; the rest is the
  // backend README's minimum config, with the cluster and plain Git repository it names.
  const config = `app:
  baseUrl: http://localhost:${FRONTEND_PORT}
backend:
  baseUrl: http://localhost:${BACKEND_PORT}
  listen:
    port: ${BACKEND_PORT}
  cors:
    origin: http://localhost:${FRONTEND_PORT}

environments:
  clusters:
    - name: local
      url: ${world.clusterUrl}
      serviceAccountToken: ${world.clusterToken}
  gitops:
    repositories:
      shop/gitops: ${world.gitopsRepository}
`;
  fs.writeFileSync(path.join(appDir, 'app-config.local.yaml'), config);
  fs.appendFileSync(path.join(appDir, 'examples/entities.yaml'), ENTITY);
}

async function createAdopterApp({ appDir, tarballs, world }) {
  await run(
    'npx',
    [
      '-y',
      `@backstage/create-app@${CREATE_APP_VERSION}`,
      '--path',
      appDir,
      '--skip-install',
    ],
    { env: { BACKSTAGE_APP_NAME: 'adopter' } },
  );
  bumpBackstagePackages(appDir);
  const file = tarball => `file:${tarball}`;
  editJson(path.join(appDir, 'package.json'), json => {
    // The common package is not on the registry in this check: the tarball stands in for it.
    json.resolutions['@stageline/plugin-environments-common'] = file(
      tarballs.common,
    );
  });
  editJson(path.join(appDir, 'packages/app/package.json'), json => {
    json.dependencies['@stageline/plugin-environments'] = file(
      tarballs.frontend,
    );
  });
  editJson(path.join(appDir, 'packages/backend/package.json'), json => {
    json.dependencies['@stageline/plugin-environments-backend'] = file(
      tarballs.backend,
    );
    json.dependencies[
      '@stageline/plugin-scaffolder-backend-module-environments'
    ] = file(tarballs.scaffolder);
  });
  addBackendFeatures(appDir);
  writeConfig(appDir, world);
  await run('yarn', ['install'], {
    cwd: appDir,
    env: {
      // create-app writes a lockfile of its own to fill in; CI=true would forbid that.
      YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
      ...(await localPrebuilds(path.join(appDir, '..', 'prebuilds'))),
    },
  });
}

module.exports = { createAdopterApp, FRONTEND_PORT, BACKEND_PORT };
