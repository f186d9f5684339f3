import { OVERLAY_OWNER_FILE } from '@stageline/plugin-environments-common';
import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import yaml from 'yaml';
import { KubernetesObject } from './manifests/types';
import { dryRunTemplate } from './__testUtils__/dryRunTemplate';
import { listFiles } from './__testUtils__/listFiles';
import { renderWorkspaceOverlays } from './__testUtils__/renderWorkspaceOverlays';
import { restrictedViolations } from './__testUtils__/restrictedViolations';
import { SERVICE_TEMPLATE_VALUES } from './__testUtils__/serviceTemplateValues';

const TEMPLATE_DIR = resolve(
  __dirname,
  '../../../templates/service-with-environments',
);

const ofKind = (objects: KubernetesObject[], kind: string) =>
  objects.filter(o => o.kind === kind) as any[];

describe('template service-with-environments', () => {
  let output: string;
  let body: any;
  let rendered: Record<string, KubernetesObject[]>;

  beforeAll(async () => {
    ({ body, output } = await dryRunTemplate(
      TEMPLATE_DIR,
      SERVICE_TEMPLATE_VALUES,
    ));
    rendered = await renderWorkspaceOverlays(output);
  }, 60_000);

  afterAll(() => rm(output, { recursive: true, force: true }));

  it('runs every step, skipping only the publishing steps that cannot dry-run', () => {
    const messages = body.log.map((l: any) => l.body.message).join('\n');
    expect(messages).toMatch(/Running fetch:template in dry-run mode/);
    expect(messages).toMatch(/Wrote \d+ files for checkout/);
    expect(body.output.files).toContain('k8s/overlays/production/pdb.yaml');
  });

  it('produces the skeleton service with its workflows', async () => {
    expect(await listFiles(output)).toEqual(
      expect.arrayContaining([
        'Dockerfile',
        'catalog-info.yaml',
        'src/server.js',
        'src/migrate.js',
        '.github/workflows/feature-deploy.yaml',
        '.github/workflows/feature-cleanup.yaml',
        '.github/workflows/qa-deploy.yaml',
        '.github/workflows/promote.yaml',
        'k8s/base/deployment.yaml',
        'k8s/base/migrations-job.yaml',
      ]),
    );
    const dockerfile = await readFile(join(output, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('EXPOSE 3000');
    // runAsNonRoot can only be checked against a numeric user.
    expect(dockerfile).toMatch(/^USER \d+(:\d+)?$/m);
  });

  it('writes a catalog entry whose annotations are the ones the action computed', async () => {
    const entity = yaml.parse(
      await readFile(join(output, 'catalog-info.yaml'), 'utf8'),
    );
    expect(entity.metadata.annotations).toEqual(body.output.annotations);
    expect(entity.metadata.annotations).toMatchObject({
      'backstage.io/kubernetes-id': 'checkout',
      'github.com/project-slug': 'acme/checkout',
      'stageline.io/image': 'ghcr.io/acme/checkout',
    });
    expect(entity.spec.owner).toBe('group:default/team-checkout');
  });

  it('names the registered component as the owner of the overlays', async () => {
    const text = await readFile(
      join(output, 'k8s/overlays', OVERLAY_OWNER_FILE),
      'utf8',
    );
    expect(yaml.parse(text)).toEqual({ entity: 'component:default/checkout' });
  });

  it('renders every overlay with kustomize into valid objects sized from the form', () => {
    expect(Object.keys(rendered).sort()).toEqual([
      'feature',
      'production',
      'qa',
      'staging',
    ]);
    const quota = (env: string) => ofKind(rendered[env], 'ResourceQuota')[0];
    expect(quota('production').spec.hard['limits.cpu']).toBe('12');
    expect(quota('feature').spec.hard['limits.memory']).toBe('2Gi');
    const [namespace] = ofKind(rendered.qa, 'Namespace');
    expect(namespace.metadata).toMatchObject({
      name: 'checkout-qa',
      labels: { owner: 'team-checkout', service: 'checkout' },
    });
    const [deployment] = ofKind(rendered.production, 'Deployment');
    expect(
      deployment.spec.template.spec.containers[0].ports[0].containerPort,
    ).toBe(3000);
    expect(ofKind(rendered.production, 'Ingress')).toHaveLength(1);
    expect(ofKind(rendered.production, 'IngressRoute')).toHaveLength(0);
  });

  it('runs the skeleton migration command in every environment, as a hook, never retried', () => {
    for (const objects of Object.values(rendered)) {
      const [job] = ofKind(objects, 'Job');
      expect(job.spec.template.spec.containers[0].command).toEqual([
        'node',
        'src/migrate.js',
      ]);
      expect(job.spec.backoffLimit).toBe(0);
      expect(job.metadata.annotations['argocd.argoproj.io/hook']).toBe(
        'PreSync',
      );
    }
  });

  it('hardens every workload to the restricted Pod Security Standard', () => {
    const workloads = Object.values(rendered)
      .flat()
      .filter(o => ['Deployment', 'Job'].includes(o.kind));
    expect(workloads).toHaveLength(8);
    for (const workload of workloads) {
      expect([workload.kind, restrictedViolations(workload)]).toEqual([
        workload.kind,
        [],
      ]);
    }
  });
});
