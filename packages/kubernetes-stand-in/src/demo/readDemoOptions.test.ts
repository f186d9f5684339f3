import { isAbsolute } from 'node:path';
import { readDemoOptions } from './readDemoOptions';

describe('readDemoOptions', () => {
  it('has defaults for everything', () => {
    const options = readDemoOptions({});
    expect(options).toMatchObject({
      port: 7077,
      token: 'stageline-demo-token',
      branch: 'main',
      syncIntervalMs: 1000,
      rolloutMs: 3000,
      agentSyncDelayMs: 2000,
      healthPort: 7078,
    });
    expect(isAbsolute(options.gitDir)).toBe(true);
    expect(options.gitDir).toMatch(/\.stageline\/git\/gitops\.git$/);
  });

  it('reads the environment', () => {
    expect(
      readDemoOptions({
        STAGELINE_DEMO_CLUSTER_PORT: '17077',
        STAGELINE_DEMO_CLUSTER_TOKEN: 't',
        STAGELINE_DEMO_GITOPS_DIR: '/tmp/x.git',
        STAGELINE_DEMO_ROLLOUT_MS: '0',
      }),
    ).toMatchObject({
      port: 17077,
      token: 't',
      gitDir: '/tmp/x.git',
      rolloutMs: 0,
    });
  });

  it('names the variable with a bad value', () => {
    expect(() =>
      readDemoOptions({ STAGELINE_DEMO_CLUSTER_PORT: '70000' }),
    ).toThrow(
      "STAGELINE_DEMO_CLUSTER_PORT must be an integer from 1 to 65535, got '70000'",
    );
    expect(() => readDemoOptions({ STAGELINE_DEMO_SYNC_MS: 'soon' })).toThrow(
      /STAGELINE_DEMO_SYNC_MS/,
    );
  });
});
