import { createMockDirectory } from '@backstage/backend-test-utils';
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { KubernetesObject } from '../manifests/types';
import { listFiles } from '../__testUtils__/listFiles';
import { readTree } from '../__testUtils__/readTree';
import { renderWorkspaceOverlays } from '../__testUtils__/renderWorkspaceOverlays';
import { runPlatform } from './__testUtils__/runPlatform';
import { verbsBySubject } from '../__testUtils__/verbsBySubject';

const PATH = 'platform/environments';
const INPUT = { owner: 'platform' };

const ofKind = (objects: KubernetesObject[], kind: string) =>
  objects.filter(o => o.kind === kind) as any[];

const summaryOf = (ctx: Awaited<ReturnType<typeof runPlatform>>) =>
  (ctx.output as jest.Mock).mock.calls.find(([name]) => name === 'summary')[1];

describe('stageline:environments:platform', () => {
  const mockDir = createMockDirectory();
  let rendered: Record<string, KubernetesObject[]>;
  let firstRun: Awaited<ReturnType<typeof runPlatform>>;

  beforeAll(async () => {
    mockDir.clear();
    firstRun = await runPlatform(mockDir.path, INPUT);
    rendered = await renderWorkspaceOverlays(mockDir.path, PATH);
  }, 60_000);

  it('writes one folder per environment of the default chain, each rendering into valid objects', async () => {
    expect(Object.keys(rendered).sort()).toEqual([
      'production',
      'qa',
      'staging',
    ]);
    for (const [env, objects] of Object.entries(rendered)) {
      expect(objects.map(o => `${o.kind}/${o.metadata!.name}`).sort()).toEqual(
        expect.arrayContaining([
          `Namespace/${env}`,
          `ResourceQuota/${env}-quota`,
          `LimitRange/${env}-limits`,
          'NetworkPolicy/default-deny-ingress',
          'NetworkPolicy/allow-same-namespace',
        ]),
      );
      const namespaced = objects.filter(o => o.kind !== 'Namespace');
      expect(new Set(namespaced.map(o => o.metadata!.namespace))).toEqual(
        new Set([env]),
      );
    }
    const summary = summaryOf(firstRun);
    expect([...summary.created].sort()).toEqual(await listFiles(mockDir.path));
    expect(summary.environments).toEqual(['qa', 'staging', 'production']);
  });

  it('holds only environment-level objects: no workload, no service object', () => {
    const kinds = new Set(
      Object.values(rendered)
        .flat()
        .map(o => o.kind),
    );
    expect([...kinds].sort()).toEqual([
      'LimitRange',
      'Namespace',
      'NetworkPolicy',
      'ResourceQuota',
      'Role',
      'RoleBinding',
    ]);
  });

  it('labels each shared namespace with environment, owner and Pod Security levels, and no service', () => {
    const [ns] = ofKind(rendered.production, 'Namespace');
    expect(ns.metadata.labels).toEqual({
      environment: 'production',
      owner: 'platform',
      'pod-security.kubernetes.io/enforce': 'baseline',
      'pod-security.kubernetes.io/warn': 'restricted',
      'pod-security.kubernetes.io/audit': 'restricted',
    });
  });

  it('sizes quotas per environment and grants the team RBAC matrix', () => {
    const hard = (env: string) =>
      ofKind(rendered[env], 'ResourceQuota')[0].spec.hard;
    expect(hard('qa')).toMatchObject({ 'limits.cpu': '2', pods: '20' });
    expect(hard('production')).toMatchObject({ 'limits.cpu': '8', pods: '50' });
    const developers = 'Group:/developers';
    const ci = 'ServiceAccount:kube-system/github-ci';
    expect([...verbsBySubject(rendered.staging)[developers]].sort()).toEqual([
      'get',
      'list',
      'watch',
    ]);
    expect(verbsBySubject(rendered.staging)[ci]).toContain('patch');
    expect(verbsBySubject(rendered.qa)[developers]).toContain('delete');
    expect(verbsBySubject(rendered.qa)['Group:/qa-engineers']).toContain(
      'deletecollection',
    );
  });

  it('is idempotent: the same input leaves every file byte for byte as it was', async () => {
    const before = await readTree(mockDir.path);
    const again = await runPlatform(mockDir.path, INPUT);
    expect(await readTree(mockDir.path)).toEqual(before);
    const summary = summaryOf(again);
    expect([summary.created, summary.updated]).toEqual([[], []]);
    expect([...summary.unchanged].sort()).toEqual(Object.keys(before).sort());
  });

  it('adds an environment without touching the others, and rewrites only what an input changes', async () => {
    const before = await readTree(mockDir.path);
    const ctx = await runPlatform(mockDir.path, {
      ...INPUT,
      environments: ['qa', 'uat', 'staging', 'production'],
      sizing: { production: { quota: { pods: 80 } } },
      podSecurity: { enforce: 'restricted' },
    });
    const summary = summaryOf(ctx);
    expect(
      summary.created.every((f: string) => f.startsWith(`${PATH}/uat/`)),
    ).toBe(true);
    expect(summary.updated.sort()).toEqual(
      [
        `${PATH}/production/resource-quota.yaml`,
        ...['qa', 'staging', 'production'].map(
          env => `${PATH}/${env}/namespace.yaml`,
        ),
      ].sort(),
    );
    const after = await readTree(mockDir.path);
    const kept = Object.keys(before).filter(f => !summary.updated.includes(f));
    expect(kept.map(file => after[file])).toEqual(
      kept.map(file => before[file]),
    );
    const uat = (await renderWorkspaceOverlays(mockDir.path, PATH)).uat;
    expect(ofKind(uat, 'Namespace')[0].metadata.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'restricted',
    });
  });

  it.each([
    [{ owner: 'Platform' }, /'owner' must be a DNS-1123 label/],
    [{ path: '../gitops' }, /'path' must be a relative path/],
    [
      { environments: ['qa', 'feature'] },
      /'environments\[1\]' must not be 'feature'/,
    ],
    [{ podSecurity: { audit: 'none' } }, /'podSecurity.audit' is invalid/],
    [
      { sizing: { uat: { quota: { pods: 5 } } } },
      /'sizing.uat' names no environment/,
    ],
    [{ sizing: { qa: { replicas: 5 } } }, /'sizing.qa' is invalid/],
    [
      { rbac: { developersGroup: '*' } },
      /'rbac.developersGroup' must be a group name/,
    ],
  ])(
    'rejects %j naming the field, writing nothing',
    async (override, message) => {
      const dir = createMockDirectory();
      await expect(
        runPlatform(dir.path, { ...INPUT, ...override }),
      ).rejects.toThrow(message);
      expect(await listFiles(dir.path)).toEqual([]);
    },
  );

  it('refuses a symbolic link planted in the workspace', async () => {
    const dir = createMockDirectory({ content: { elsewhere: {} } });
    await symlink(join(dir.path, 'elsewhere'), join(dir.path, 'platform'));
    await expect(runPlatform(dir.path, INPUT)).rejects.toThrow(
      /'platform' in the workspace is a symbolic link/,
    );
    expect(await listFiles(join(dir.path, 'elsewhere'))).toEqual([]);
  });
});
