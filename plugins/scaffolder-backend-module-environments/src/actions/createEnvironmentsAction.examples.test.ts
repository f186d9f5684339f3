import { OVERLAY_OWNER_FILE } from '@stageline/plugin-environments-common';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import yaml from 'yaml';
import { renderWorkspaceOverlays } from '../__testUtils__/renderWorkspaceOverlays';
import { runCreate } from './__testUtils__/runCreate';
import { examples } from './createEnvironmentsAction.examples';

describe('stageline:environments:create examples', () => {
  it('runs the first documented example: default chain in shared namespaces, and previews', async () => {
    const { dir, ctx } = await runCreate(
      yaml.parse(examples[0].example).steps[0].input,
    );
    const rendered = await renderWorkspaceOverlays(dir.path);
    expect(Object.keys(rendered).sort()).toEqual([
      'feature',
      'production',
      'qa',
      'staging',
    ]);
    expect(rendered.qa.map(o => o.kind)).not.toContain('Namespace');
    expect(ctx.output).toHaveBeenCalledWith(
      'annotations',
      expect.objectContaining({ 'backstage.io/kubernetes-id': 'checkout' }),
    );
  });

  it('runs the second documented example: own namespaces, uat, IngressRoute, own groups and quota, GitOps repository', async () => {
    const { dir, ctx } = await runCreate(
      yaml.parse(examples[1].example).steps[0].input,
    );
    const rendered = await renderWorkspaceOverlays(
      dir.path,
      'apps/payments/overlays',
    );
    expect(Object.keys(rendered).sort()).toEqual([
      'feature',
      'production',
      'qa',
      'staging',
      'uat',
    ]);
    const quota = rendered.production.find(o => o.kind === 'ResourceQuota')!;
    expect(quota.metadata!.namespace).toBe('payments-production');
    expect((quota.spec as any).hard).toMatchObject({
      'limits.cpu': '16',
      pods: '80',
    });
    const route = rendered.uat.find(o => o.kind === 'IngressRoute')!;
    expect((route.spec as any).routes[0].match).toBe(
      'Host(`payments.uat.apps.example.com`)',
    );
    const deployment = rendered.qa.find(o => o.kind === 'Deployment')!;
    expect((deployment.spec as any).template.spec.containers[0].image).toBe(
      'registry.example.com:5000/acme/payments:GITSHA',
    );
    expect(rendered.qa.map(o => o.kind)).toContain('Job');
    const owner = await readFile(
      join(dir.path, 'apps/payments/overlays', OVERLAY_OWNER_FILE),
      'utf8',
    );
    expect(yaml.parse(owner)).toEqual({
      entity: 'component:finance/payments',
      sourceRepository: 'acme/payments',
    });
    expect(ctx.output).toHaveBeenCalledWith(
      'annotations',
      expect.objectContaining({
        'stageline.io/gitops-repo': 'acme/gitops',
        'stageline.io/chain': 'regulated',
      }),
    );
  });
});
