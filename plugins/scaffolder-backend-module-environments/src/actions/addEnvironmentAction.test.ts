import { symlink, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from '../__testUtils__/listFiles';
import { renderWorkspaceOverlays } from '../__testUtils__/renderWorkspaceOverlays';
import { runCreate } from './__testUtils__/runCreate';
import { addEnvironmentAction } from './addEnvironmentAction';
import { rawInputContext } from '../__testUtils__/rawInputContext';

const SERVICE = {
  name: 'checkout',
  owner: 'team-checkout',
  image: 'ghcr.io/acme/checkout',
};

describe('stageline:environments:add', () => {
  async function existingLayout() {
    const { dir } = await runCreate({ ...SERVICE, previews: false });
    return dir.path;
  }

  it('adds exactly one overlay to an existing layout, rendering and valid', async () => {
    const workspace = await existingLayout();
    const before = await listFiles(workspace);
    const ctx = rawInputContext({
      workspacePath: workspace,
      input: { ...SERVICE, environment: 'uat' },
    });
    await addEnvironmentAction().handler(ctx);

    const added = (await listFiles(workspace)).filter(f => !before.includes(f));
    expect(added.every(f => f.startsWith('k8s/overlays/uat/'))).toBe(true);
    expect(added).toContain('k8s/overlays/uat/kustomization.yaml');
    const rendered = await renderWorkspaceOverlays(workspace);
    expect(Object.keys(rendered).sort()).toEqual([
      'production',
      'qa',
      'staging',
      'uat',
    ]);
    // A shared namespace: the environment layer owns it, the overlay only references it.
    const uat = rendered.uat;
    expect(new Set(uat.map(o => o.metadata!.namespace))).toEqual(
      new Set(['uat']),
    );
    expect(uat.map(o => o.kind)).not.toContain('Namespace');
    expect(uat.filter(o => o.kind === 'HorizontalPodAutoscaler')).toHaveLength(
      0,
    );
    const summary = (ctx.output as jest.Mock).mock.calls[0][1];
    expect([...summary.files].sort()).toEqual(added);
    expect(summary.environments).toEqual(['uat']);
  });

  it('adds a protected stage in its own namespace with an HPA, a PDB and CI-only deploys', async () => {
    const { dir } = await runCreate({
      ...SERVICE,
      previews: false,
      namespaceMode: 'per-service',
    });
    await addEnvironmentAction().handler(
      rawInputContext({
        workspacePath: dir.path,
        input: {
          ...SERVICE,
          namespaceMode: 'per-service',
          environment: 'perf',
          protectedEnvironments: ['staging', 'production', 'perf'],
        },
      }),
    );
    const perf = (await renderWorkspaceOverlays(dir.path)).perf;
    expect(perf.find(o => o.kind === 'Namespace')!.metadata!.name).toBe(
      'checkout-perf',
    );
    expect(perf.map(o => o.kind)).toEqual(
      expect.arrayContaining([
        'HorizontalPodAutoscaler',
        'PodDisruptionBudget',
      ]),
    );
    expect(
      perf
        .filter(o => o.kind === 'Role')
        .map(o => o.metadata!.name)
        .sort(),
    ).toEqual(['ci-deploy', 'developer-read']);
  });

  it.each([
    [{ environment: 'qa' }, /'environment': 'qa' already has an overlay/],
    [{ environment: 'UAT' }, /'environments\[0\]' must be a DNS-1123 label/],
    [{ environment: '../x' }, /'environments\[0\]' must be a DNS-1123 label/],
    [
      { name: 'payments', environment: 'uat' },
      /'name' is 'payments' but the base Deployment/,
    ],
    [
      { environment: 'uat', basePath: '../x' },
      /'basePath' must be a relative path/,
    ],
  ])('rejects %j, writing nothing', async (overrides, message) => {
    const workspace = await existingLayout();
    const before = await listFiles(workspace);
    const ctx = rawInputContext({
      workspacePath: workspace,
      input: { ...SERVICE, ...overrides },
    });
    await expect(addEnvironmentAction().handler(ctx)).rejects.toThrow(message);
    expect(await listFiles(workspace)).toEqual(before);
  });

  it('needs an existing base', async () => {
    const { dir } = await runCreate({ ...SERVICE, previews: false });
    const ctx = rawInputContext({
      workspacePath: dir.path,
      input: { ...SERVICE, environment: 'uat', basePath: 'deploy/base' },
    });
    await expect(addEnvironmentAction().handler(ctx)).rejects.toThrow(
      /No Kustomize base.*'deploy\/base\/deployment.yaml'/,
    );
  });

  it('refuses a symlinked overlays folder', async () => {
    const workspace = await existingLayout();
    await mkdir(join(workspace, 'other'));
    await symlink(join(workspace, 'other'), join(workspace, 'links'));
    const before = await listFiles(workspace);
    const ctx = rawInputContext({
      workspacePath: workspace,
      input: { ...SERVICE, environment: 'uat', overlaysPath: 'links' },
    });
    await expect(addEnvironmentAction().handler(ctx)).rejects.toThrow(
      /'links' in the workspace is a symbolic link/,
    );
    expect(await listFiles(workspace)).toEqual(before);
  });
});
