import yaml from 'yaml';
import { renderWorkspaceOverlays } from '../__testUtils__/renderWorkspaceOverlays';
import { runCreate } from '../__testUtils__/runCreate';
import { examples } from './createEnvironmentsAction.examples';

describe('stageline:environments:create examples', () => {
  it('runs the first documented example: default chain and previews', async () => {
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
    expect(ctx.output).toHaveBeenCalledWith(
      'annotations',
      expect.objectContaining({ 'backstage.io/kubernetes-id': 'checkout' }),
    );
  });

  it('runs the second documented example: uat, Ingress, own groups and quota', async () => {
    const { dir, ctx } = await runCreate(
      yaml.parse(examples[1].example).steps[0].input,
    );
    const rendered = await renderWorkspaceOverlays(dir.path);
    expect(Object.keys(rendered).sort()).toEqual([
      'feature',
      'production',
      'qa',
      'staging',
      'uat',
    ]);
    const quota = rendered.production.find(o => o.kind === 'ResourceQuota')!;
    expect((quota.spec as any).hard).toMatchObject({
      'limits.cpu': '16',
      pods: '80',
    });
    const ingress = rendered.uat.find(o => o.kind === 'Ingress')!;
    expect((ingress.spec as any).rules[0].host).toBe(
      'payments.uat.apps.example.com',
    );
    const deployment = rendered.qa.find(o => o.kind === 'Deployment')!;
    expect((deployment.spec as any).template.spec.containers[0].image).toBe(
      'registry.example.com:5000/acme/payments:GITSHA',
    );
    expect(rendered.qa.map(o => o.kind)).not.toContain('Job');
    expect(ctx.output).toHaveBeenCalledWith(
      'annotations',
      expect.objectContaining({
        'stageline.io/gitops-repo': 'acme/gitops',
        'stageline.io/chain': 'regulated',
      }),
    );
  });
});
