import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import request from 'supertest';
import yaml from 'yaml';
import { scaffolderModuleEnvironments } from './module';
import { listFiles } from './__testUtils__/listFiles';
import { renderWorkspaceOverlays } from './__testUtils__/renderWorkspaceOverlays';

const TEMPLATE_DIR = resolve(
  __dirname,
  '../../../templates/service-with-environments',
);

type DryRunFile = { path: string; base64Content: string };

/** The template folder as the dry-run API takes it: every file, base64-encoded. */
async function templateDirectoryContents(): Promise<DryRunFile[]> {
  const files = await listFiles(TEMPLATE_DIR);
  return Promise.all(
    files.map(async path => ({
      path,
      base64Content: (await readFile(join(TEMPLATE_DIR, path))).toString(
        'base64',
      ),
    })),
  );
}

const VALUES = {
  name: 'checkout',
  description: 'Takes the money',
  owner: 'group:default/team-checkout',
  port: 3000,
  imageRegistry: 'ghcr.io/acme',
  chain: 'default',
  environments: ['qa', 'staging', 'production'],
  ingressKind: 'IngressRoute',
  domain: 'shop.example.com',
  previewQuotaCpu: '2',
  previewQuotaMemory: '2Gi',
  productionQuotaCpu: '12',
  productionQuotaMemory: '24Gi',
  developersGroup: 'developers',
  qaGroup: 'qa-engineers',
  repoUrl: 'github.com?owner=acme&repo=checkout',
};

describe('template service-with-environments', () => {
  let output: string;
  let body: any;

  beforeAll(async () => {
    const { server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        githubModule,
        scaffolderModuleEnvironments,
        catalogServiceMock.factory({ entities: [] }),
      ],
    });
    const template = yaml.parse(
      await readFile(join(TEMPLATE_DIR, 'template.yaml'), 'utf8'),
    );
    const res = await request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header())
      .send({
        template,
        values: VALUES,
        directoryContents: await templateDirectoryContents(),
      });
    if (res.status !== 200) {
      throw new Error(`dry run failed: ${JSON.stringify(res.body)}`);
    }
    body = res.body;

    output = await mkdtemp(join(tmpdir(), 'stageline-dry-run-'));
    for (const file of body.directoryContents as DryRunFile[]) {
      await mkdir(dirname(join(output, file.path)), { recursive: true });
      await writeFile(
        join(output, file.path),
        Buffer.from(file.base64Content, 'base64'),
      );
    }
  }, 60_000);

  afterAll(() => rm(output, { recursive: true, force: true }));

  it('runs every step, skipping only the publishing steps that cannot dry-run', () => {
    const messages = body.log.map((l: any) => l.body.message).join('\n');
    expect(messages).toMatch(/Running fetch:template in dry-run mode/);
    expect(messages).toMatch(/Wrote \d+ files for checkout/);
    expect(body.output.files).toContain('k8s/overlays/production/pdb.yaml');
  });

  it('produces the skeleton service with its workflows untemplated', async () => {
    const files = await listFiles(output);
    expect(files).toEqual(
      expect.arrayContaining([
        'Dockerfile',
        'catalog-info.yaml',
        'src/server.js',
        '.github/workflows/feature-deploy.yaml',
        '.github/workflows/feature-cleanup.yaml',
        '.github/workflows/qa-deploy.yaml',
        '.github/workflows/promote.yaml',
        'k8s/base/deployment.yaml',
      ]),
    );
    const workflow = yaml.parse(
      await readFile(
        join(output, '.github/workflows/feature-deploy.yaml'),
        'utf8',
      ),
    );
    expect(workflow.env.PR_NUMBER).toBe(
      '${{ github.event.pull_request.number }}',
    );
    expect(await readFile(join(output, 'Dockerfile'), 'utf8')).toContain(
      'EXPOSE 3000',
    );
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

  it('renders every overlay with kustomize into valid objects sized from the form', async () => {
    const rendered = await renderWorkspaceOverlays(output);
    expect(Object.keys(rendered).sort()).toEqual([
      'feature',
      'production',
      'qa',
      'staging',
    ]);
    const quota = (env: string) =>
      (rendered[env].find(o => o.kind === 'ResourceQuota')!.spec as any).hard;
    expect(quota('production')['limits.cpu']).toBe('12');
    expect(quota('feature')['limits.memory']).toBe('2Gi');
    const namespace = rendered.qa.find(o => o.kind === 'Namespace')!;
    expect(namespace.metadata!.labels!.owner).toBe('team-checkout');
    const deployment = rendered.production.find(o => o.kind === 'Deployment')!;
    expect(
      (deployment.spec as any).template.spec.containers[0].ports[0]
        .containerPort,
    ).toBe(3000);
  });
});
