/*
 * Plays CI for the demo: builds a new version of an example service into qa.
 *
 *   yarn demo:ci <service> [--env <environment>] [--subject <text>]
 *
 * Commits to the service's source repository and pins the build in the environment's overlay of
 * the example GitOps repository (STAGELINE_DEMO_GIT_DIR, default .stageline/git from the
 * repository root); the demo cluster then rolls it out.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildIntoEnvironment } from './buildIntoEnvironment';

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      env: { type: 'string', default: 'qa' },
      subject: { type: 'string' },
    },
  });
  if (positionals.length !== 1) {
    throw new Error(
      'Usage: yarn demo:ci <service> [--env <environment>] [--subject <text>]',
    );
  }
  const [service] = positionals;
  const build = await buildIntoEnvironment({
    gitDir: resolve(process.env.STAGELINE_DEMO_GIT_DIR || '.stageline/git'),
    service,
    environment: values.env,
    subject:
      values.subject ??
      `Demo CI build of ${service} at ${new Date().toISOString()}`,
  });
  process.stdout.write(
    `[demo-ci] built ${service} ${build.tag.slice(0, 7)} (${build.digest.slice(
      0,
      19,
    )}) into ${values.env}: ${
      build.overlayPath
    } at commit ${build.gitopsCommit.slice(0, 7)}\n`,
  );
}

main().catch(error => {
  process.stderr.write(
    `[demo-ci] ${error instanceof Error ? error.message : error}\n`,
  );
  process.exit(1);
});
