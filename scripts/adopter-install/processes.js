// Child processes of the adopter install check: run to completion, or started and stopped at
// the end (with their whole process group, as `yarn start` spawns several).
const { spawn } = require('child_process');

const running = new Set();

async function timed(name, fn) {
  const started = Date.now();
  console.log(`[adopter] ${name}...`);
  const result = await fn();
  console.log(
    `[adopter] ${name}: ${Math.round((Date.now() - started) / 1000)} s`,
  );
  return result;
}

/** Runs a command to completion; rejects with its output's tail when it fails. */
function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = chunk => {
      output = (output + chunk).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', code => {
      if (code === 0) resolve(output);
      else
        reject(
          new Error(
            `${command} ${args.join(' ')} exited with ${code}:\n${output.slice(
              -4000,
            )}`,
          ),
        );
    });
  });
}

/** Starts a long-running command in its own process group; stopAll() ends it. */
function start(command, args, options = {}) {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const keep = chunk => {
    output = (output + chunk).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  running.add(child);
  child.on('close', () => running.delete(child));
  return { child, output: () => output };
}

async function stopAll() {
  await Promise.all(
    [...running].map(
      child =>
        new Promise(resolve => {
          child.once('close', resolve);
          try {
            process.kill(-child.pid, 'SIGTERM');
          } catch {
            resolve();
          }
          setTimeout(() => {
            try {
              process.kill(-child.pid, 'SIGKILL');
            } catch {
              // already gone
            }
            resolve();
          }, 10_000).unref();
        }),
    ),
  );
}

/** Polls `probe` until it returns a truthy value or `timeoutMs` passes. */
async function waitFor(what, probe, timeoutMs, proc) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    if (proc && proc.child.exitCode !== null) {
      throw new Error(
        `${what}: the process exited:\n${proc.output().slice(-4000)}`,
      );
    }
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(
    `${what} did not happen within ${timeoutMs / 1000} s${
      last ? ` (${last.message})` : ''
    }${proc ? `:\n${proc.output().slice(-4000)}` : ''}`,
  );
}

module.exports = { timed, run, start, stopAll, waitFor };
