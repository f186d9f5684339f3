#!/usr/bin/env node
// Creates the embedded example's Git repositories under .stageline/git/ on first start:
// a source repository per example service (its commits are the versions) and a GitOps
// repository whose overlays (from examples/gitops) pin those commits as image tags.
// Idempotent: does nothing when the repositories exist. `--force` recreates them.
const { execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '../..');
const target = path.join(root, '.stageline/git');
const examples = path.join(root, 'examples');

// Fixed identities and dates make the example's commit SHAs the same on every machine.
const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Stageline Example',
  GIT_AUTHOR_EMAIL: 'example@stageline.invalid',
  GIT_COMMITTER_NAME: 'Stageline Example',
  GIT_COMMITTER_EMAIL: 'example@stageline.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};
const git = (cwd, args, extraEnv = {}) =>
  execFileSync('git', args, {
    cwd,
    env: { ...env, ...extraEnv },
    encoding: 'utf8',
  }).trim();

function commitAt(cwd, message, index) {
  const date = new Date(Date.UTC(2026, 9, 1 + index, 9, 0, 0)).toISOString();
  git(cwd, ['add', '-A']);
  git(cwd, ['commit', '-q', '--allow-empty', '-m', message], {
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  });
  return git(cwd, ['rev-parse', 'HEAD']);
}

function publish(work, bare) {
  git(root, ['clone', '-q', '--bare', work, bare]);
}

function seedSource(service, messages, scratch) {
  const work = path.join(scratch, service);
  fs.mkdirSync(work);
  git(work, ['init', '-q', '-b', 'main']);
  const versions = {};
  messages.forEach((message, i) => {
    fs.writeFileSync(
      path.join(work, 'CHANGELOG.md'),
      `${messages.slice(0, i + 1).join('\n')}\n`,
    );
    const sha = commitAt(work, message, i);
    versions[`${service}.v${i + 1}`] = sha;
    versions[`${service}.v${i + 1}.digest`] = `sha256:${crypto
      .createHash('sha256')
      .update(`registry.example.com/shop/${service}@${sha}`)
      .digest('hex')}`;
  });
  publish(work, path.join(target, `${service}.git`));
  return versions;
}

function copyWithVersions(from, to, versions) {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) {
      fs.mkdirSync(dst, { recursive: true });
      copyWithVersions(src, dst, versions);
    } else {
      const text = fs
        .readFileSync(src, 'utf8')
        .replace(/\$\{([a-z0-9.-]+)\}/g, (m, key) => {
          if (!(key in versions))
            throw new Error(`${src}: unknown version ${m}`);
          return versions[key];
        });
      fs.writeFileSync(dst, text);
    }
  }
}

function seedGitops(versions, scratch) {
  const work = path.join(scratch, 'gitops');
  fs.mkdirSync(work);
  git(work, ['init', '-q', '-b', 'main']);
  copyWithVersions(path.join(examples, 'gitops'), work, versions);
  commitAt(
    work,
    'Example services: base and overlays for qa, staging and production',
    10,
  );
  publish(work, path.join(target, 'gitops.git'));
}

function main() {
  const force = process.argv.includes('--force');
  if (fs.existsSync(path.join(target, 'gitops.git')) && !force) return;
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'stageline-seed-'));
  try {
    const history = JSON.parse(
      fs.readFileSync(path.join(examples, 'source/history.json'), 'utf8'),
    );
    const versions = {};
    for (const [service, messages] of Object.entries(history)) {
      Object.assign(versions, seedSource(service, messages, scratch));
    }
    seedGitops(versions, scratch);
    console.error(
      `[seed] example Git repositories created in ${path.relative(
        root,
        target,
      )}/`,
    );
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main();
