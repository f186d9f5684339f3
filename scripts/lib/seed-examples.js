#!/usr/bin/env node
// Creates the embedded example's Git repositories (by default under .stageline/git/, on first
// start): a source repository per example service, whose commits are the versions, and a
// GitOps repository holding examples/gitops as committed, whose overlays pin those commits as
// image tags.
//
//   node scripts/lib/seed-examples.js [--force] [--target <folder>]
//
// Idempotent: does nothing when the repositories exist. `--force` recreates them. `--target`
// creates them in another folder (relative to the working directory).
//
// examples/source/history.json lists each service's commits with the SHA they get here (fixed
// identities, dates and hash make them the same on every machine), and examples/gitops pins
// some of them. Should Git produce other SHAs, the overlays are rewritten to the produced ones,
// so the GitOps repository always pins commits of the source repositories.
const { execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '../..');
const examples = path.join(root, 'examples');
const IMAGE_PREFIX = 'registry.example.com/shop/';

const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Stageline Example',
  GIT_AUTHOR_EMAIL: 'example@stageline.invalid',
  GIT_COMMITTER_NAME: 'Stageline Example',
  GIT_COMMITTER_EMAIL: 'example@stageline.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_DEFAULT_HASH: 'sha1',
};
const git = (cwd, args, extraEnv = {}) =>
  execFileSync('git', args, {
    cwd,
    env: { ...env, ...extraEnv },
    encoding: 'utf8',
  }).trim();

function readTarget(args) {
  const i = args.indexOf('--target');
  if (i < 0) return path.join(root, '.stageline/git');
  const value = args[i + 1];
  if (!value || value.startsWith('--')) {
    throw new Error('--target needs a folder');
  }
  return path.resolve(value);
}

// The digest the example's registry "gave" the image built from a commit: made up, but stable.
function digestOf(service, sha) {
  const hash = crypto
    .createHash('sha256')
    .update(`${IMAGE_PREFIX}${service}@${sha}`)
    .digest('hex');
  return `sha256:${hash}`;
}

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

/** Commits the service's history; returns the produced SHAs, oldest first. */
function seedSource(service, history, scratch, target) {
  const work = path.join(scratch, service);
  fs.mkdirSync(work);
  git(work, ['init', '-q', '-b', 'main']);
  const subjects = history.map(entry => entry.subject);
  const commits = subjects.map((subject, i) => {
    fs.writeFileSync(
      path.join(work, 'CHANGELOG.md'),
      `${subjects.slice(0, i + 1).join('\n')}\n`,
    );
    return commitAt(work, subject, i);
  });
  publish(work, path.join(target, `${service}.git`));
  return commits;
}

/** Recorded SHA or digest -> produced one, for every commit Git produced differently. */
function rewritesFor(history, produced) {
  const rewrites = new Map();
  for (const [service, entries] of Object.entries(history)) {
    entries.forEach((entry, i) => {
      const made = produced[service][i];
      if (entry.commit === made) return;
      console.error(
        `[seed] ${service} commit ${i + 1} ("${
          entry.subject
        }") is ${made}; examples/source/history.json records ${
          entry.commit ?? 'none'
        }`,
      );
      if (!entry.commit) return;
      rewrites.set(entry.commit, made);
      rewrites.set(digestOf(service, entry.commit), digestOf(service, made));
    });
  }
  return rewrites;
}

function copyExample(from, to, rewrites) {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) {
      fs.mkdirSync(dst, { recursive: true });
      copyExample(src, dst, rewrites);
    } else {
      const text = fs
        .readFileSync(src, 'utf8')
        .replace(
          /sha256:[0-9a-f]{64}|\b[0-9a-f]{40}\b/g,
          value => rewrites.get(value) ?? value,
        );
      fs.writeFileSync(dst, text);
    }
  }
}

/** Every overlay of an example service pins one of its commits, with that commit's digest. */
function checkOverlays(work, produced) {
  for (const [service, commits] of Object.entries(produced)) {
    const overlays = path.join(work, 'apps', service, 'overlays');
    for (const env of fs.readdirSync(overlays, { withFileTypes: true })) {
      if (!env.isDirectory()) continue;
      const file = path.join(overlays, env.name, 'kustomization.yaml');
      const text = fs.readFileSync(file, 'utf8');
      const tag = /newTag:\s*['"]?([^'"\s#]+)/.exec(text)?.[1];
      const digest = /digest:\s*['"]?([^'"\s#]+)/.exec(text)?.[1];
      const shown = path.relative(work, file);
      if (!tag || !commits.includes(tag)) {
        throw new Error(
          `examples/gitops/${shown} pins '${tag}', which is not a commit of ${service} in examples/source/history.json`,
        );
      }
      if (digest !== digestOf(service, tag)) {
        throw new Error(
          `examples/gitops/${shown} pins digest '${digest}'; the example's digest of ${tag} is ${digestOf(
            service,
            tag,
          )}`,
        );
      }
    }
  }
}

function seedGitops(produced, rewrites, scratch, target) {
  const work = path.join(scratch, 'gitops');
  fs.mkdirSync(work);
  git(work, ['init', '-q', '-b', 'main']);
  copyExample(path.join(examples, 'gitops'), work, rewrites);
  checkOverlays(work, produced);
  commitAt(
    work,
    'Example services: base and overlays for qa, staging and production',
    10,
  );
  publish(work, path.join(target, 'gitops.git'));
}

function main() {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const target = readTarget(args);
  if (fs.existsSync(path.join(target, 'gitops.git')) && !force) return;
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'stageline-seed-'));
  try {
    const history = JSON.parse(
      fs.readFileSync(path.join(examples, 'source/history.json'), 'utf8'),
    );
    const produced = {};
    for (const [service, entries] of Object.entries(history)) {
      produced[service] = seedSource(service, entries, scratch, target);
    }
    seedGitops(produced, rewritesFor(history, produced), scratch, target);
    const shown = path.relative(process.cwd(), target);
    console.error(
      `[seed] example Git repositories created in ${
        shown.startsWith('..') ? target : shown || '.'
      }/`,
    );
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main();
