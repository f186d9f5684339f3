import { ConfigReader } from '@backstage/config';
import type { Config } from '@backstage/config';
import { readChainsConfig } from './readChainsConfig';

/** Chain -> environment -> its gates, execution and approvers. */
function readPoliciesConfig(config: Config) {
  return new Map(
    [...readChainsConfig(config)].map(([chain, envs]) => [
      chain,
      new Map(
        envs.map(({ definition, links: _links, ...policy }) => [
          definition.name,
          policy,
        ]),
      ),
    ]),
  );
}

function configError(key: string, message: string): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `^Invalid config at '${escape(key)}': .*${escape(message)}`,
  );
}

function policiesOf(environments: object) {
  return readPoliciesConfig(new ConfigReader({ environments }));
}

function productionOf(env: object, gitops: object = {}) {
  return policiesOf({
    gitops,
    chains: { default: [{ name: 'qa' }, { name: 'production', ...env }] },
  })
    .get('default')!
    .get('production')!;
}

describe('readChainsConfig: gates and execution', () => {
  it('gives the built-in chain no gates and pull requests by default', () => {
    const policies = readPoliciesConfig(new ConfigReader({}));
    expect([...policies.get('default')!.keys()]).toEqual([
      'qa',
      'staging',
      'production',
    ]);
    expect(policies.get('default')!.get('production')).toEqual({
      gates: {
        healthyForMs: 0,
        soakTimeMs: 0,
        approvals: 0,
        freezeWindows: [],
        verifiedInSource: false,
        freezeBlocksRollback: false,
      },
      execution: {
        mode: 'pull-request',
        autoMerge: false,
        rolloutTimeoutMs: 30 * 60_000,
      },
    });
  });

  it('reads the gates of an environment', () => {
    const { gates } = productionOf({
      gates: {
        healthyFor: '10m',
        soakTime: '24h',
        approvals: 2,
        freezeWindows: [{ days: ['fri'], from: '16:00', to: '24:00' }],
      },
    });
    expect(gates).toEqual({
      healthyForMs: 600_000,
      soakTimeMs: 86_400_000,
      approvals: 2,
      freezeWindows: [
        { days: ['fri'], from: '16:00', to: '24:00', timeZone: 'UTC' },
      ],
      verifiedInSource: false,
      freezeBlocksRollback: false,
    });
  });

  it('keeps policies per chain and environment', () => {
    const policies = policiesOf({
      chains: {
        default: [{ name: 'qa' }, { name: 'prod', gates: { approvals: 1 } }],
        fast: [{ name: 'dev' }, { name: 'prod', gates: { approvals: 3 } }],
      },
    });
    expect(policies.get('default')!.get('prod')!.gates.approvals).toBe(1);
    expect(policies.get('fast')!.get('prod')!.gates.approvals).toBe(3);
    expect(policies.get('fast')!.get('dev')!.gates.approvals).toBe(0);
  });

  it('takes execution from environments.gitops, overridden per environment', () => {
    const gitops = { mode: 'commit', rolloutTimeout: '10m' };
    expect(productionOf({}, gitops).execution).toEqual({
      mode: 'commit',
      autoMerge: false,
      rolloutTimeoutMs: 600_000,
    });
    expect(
      productionOf(
        { mode: 'pull-request', autoMerge: true, rolloutTimeout: '1h' },
        gitops,
      ).execution,
    ).toEqual({
      mode: 'pull-request',
      autoMerge: true,
      rolloutTimeoutMs: 3_600_000,
    });
  });

  it('drops an inherited auto-merge outside pull-request mode', () => {
    expect(
      productionOf({ mode: 'commit' }, { autoMerge: true }).execution.autoMerge,
    ).toBe(false);
  });

  it('reads a workflow, running on the GitOps branch unless it names a ref', () => {
    expect(
      productionOf(
        { mode: 'workflow-dispatch', workflow: { file: 'deploy.yml' } },
        { branch: 'trunk' },
      ).execution.workflow,
    ).toEqual({ file: 'deploy.yml', ref: 'trunk' });
    expect(
      productionOf(
        {},
        {
          mode: 'workflow-dispatch',
          workflow: { file: 'deploy.yaml', ref: 'release/v2' },
        },
      ).execution,
    ).toMatchObject({
      mode: 'workflow-dispatch',
      workflow: { file: 'deploy.yaml', ref: 'release/v2' },
    });
  });

  it.each([
    [{ gates: { healthyFor: 'soon' } }, '1.gates.healthyFor', 'not a duration'],
    [{ gates: { soakTime: '-1h' } }, '1.gates.soakTime', 'not a duration'],
    [{ gates: { approvals: -1 } }, '1.gates.approvals', ''],
    [{ gates: { approvals: 1.5 } }, '1.gates.approvals', 'integer'],
    [{ gates: { approvals: 'two' } }, '1.gates.approvals', 'number'],
    [{ gates: { soaktime: '1h' } }, '1.gates', 'soaktime'],
    [
      { gates: { freezeWindows: [{ from: '10:00' }] } },
      '1.gates.freezeWindows.0.to',
      'required',
    ],
    [{ mode: 'push' }, '1.mode', ''],
    [{ autoMerge: 'yes' }, '1.autoMerge', 'boolean'],
    [
      { mode: 'commit', autoMerge: true },
      '1.autoMerge',
      'pull-request mode only',
    ],
    [{ mode: 'workflow-dispatch' }, '1.workflow', 'needs a workflow file'],
    [
      { workflow: { file: '../deploy.yml' } },
      '1.workflow.file',
      'workflow file name',
    ],
    [
      { workflow: { file: 'deploy.sh' } },
      '1.workflow.file',
      'workflow file name',
    ],
    [
      { workflow: { file: 'deploy.yml', ref: '--force' } },
      '1.workflow.ref',
      'branch or tag',
    ],
    [{ workflow: { ref: 'main' } }, '1.workflow.file', 'Required'],
    [{ rolloutTimeout: '0s' }, '1.rolloutTimeout', 'longer than 0'],
    [{ rolloutTimeout: 'forever' }, '1.rolloutTimeout', 'not a duration'],
  ])('rejects %j naming the key', (env, key, message) => {
    expect(() => productionOf(env)).toThrow(
      configError(`environments.chains.default.${key}`, message),
    );
  });

  it('names environments.gitops.workflow when the default mode needs it', () => {
    expect(() => productionOf({}, { mode: 'workflow-dispatch' })).toThrow(
      "Invalid config at 'environments.gitops.workflow'",
    );
    expect(() =>
      readPoliciesConfig(
        new ConfigReader({
          environments: { gitops: { mode: 'workflow-dispatch' } },
        }),
      ),
    ).toThrow("Invalid config at 'environments.gitops.workflow'");
  });
});
