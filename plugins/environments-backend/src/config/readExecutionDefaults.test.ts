import { ConfigReader } from '@backstage/config';
import { readExecutionDefaults } from './readExecutionDefaults';

function configError(key: string, message: string): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `^Invalid config at '${escape(key)}': .*${escape(message)}`,
  );
}

function read(gitops: object) {
  return readExecutionDefaults(new ConfigReader({ environments: { gitops } }));
}

describe('readExecutionDefaults', () => {
  it('defaults to pull requests without auto-merge, 30m rollouts, branch main', () => {
    expect(readExecutionDefaults(new ConfigReader({}))).toEqual({
      mode: 'pull-request',
      autoMerge: false,
      rolloutTimeoutMs: 1_800_000,
      branch: 'main',
    });
  });

  it('reads every key', () => {
    expect(
      read({
        mode: 'workflow-dispatch',
        workflow: { file: 'deploy.yml', ref: 'v1' },
        rolloutTimeout: '1h30m',
        branch: 'trunk',
      }),
    ).toEqual({
      mode: 'workflow-dispatch',
      autoMerge: false,
      rolloutTimeoutMs: 5_400_000,
      workflow: { file: 'deploy.yml', ref: 'v1' },
      branch: 'trunk',
    });
    expect(read({ autoMerge: true }).autoMerge).toBe(true);
  });

  it.each([
    [{ mode: 'merge' }, 'mode', ''],
    [{ autoMerge: 'true' }, 'autoMerge', 'boolean'],
    [
      { mode: 'commit', autoMerge: true },
      'autoMerge',
      'pull-request mode only',
    ],
    [{ rolloutTimeout: '30 minutes' }, 'rolloutTimeout', 'not a duration'],
    [{ workflow: { file: 'deploy.yml', inputs: {} } }, 'workflow', 'inputs'],
  ])('rejects %j naming the key', (gitops, key, message) => {
    expect(() => read(gitops)).toThrow(
      configError(`environments.gitops.${key}`, message),
    );
  });
});
