import { WORKFLOW_DISPATCH_INPUTS } from '@stageline/plugin-environments-common';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import yaml from 'yaml';
import { KubernetesObject } from './manifests/types';
import { dryRunTemplate } from './__testUtils__/dryRunTemplate';
import { lintWorkflow } from './__testUtils__/lintWorkflow';
import { renderWorkspaceOverlays } from './__testUtils__/renderWorkspaceOverlays';
import { SERVICE_TEMPLATE_VALUES } from './__testUtils__/serviceTemplateValues';

const run = promisify(execFile);

const TEMPLATE_DIR = resolve(
  __dirname,
  '../../../templates/service-with-environments',
);
const WORKFLOWS = '.github/workflows';

type Workflow = {
  'run-name'?: string;
  on: any;
  env: Record<string, string>;
  jobs: Record<string, { steps: Array<{ name?: string; run?: string }> }>;
};

/** Runs one `run:` step as GitHub does (bash -eo pipefail) in a copy of `workspace`. */
async function runStep(
  workspace: string,
  workflow: Workflow,
  stepName: string,
  env: Record<string, string>,
): Promise<Record<string, string>> {
  const step = Object.values(workflow.jobs)
    .flatMap(job => job.steps)
    .find(s => s.name === stepName);
  const copy = await mkdtemp(join(tmpdir(), 'stageline-step-'));
  try {
    await cp(workspace, copy, { recursive: true });
    const outputFile = join(copy, '.github-output');
    await run(
      'bash',
      ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step!.run!],
      {
        cwd: copy,
        env: {
          PATH: process.env.PATH,
          ...workflow.env,
          ...env,
          GITHUB_OUTPUT: outputFile,
        },
      },
    );
    const lines = (await readFile(outputFile, 'utf8')).trim().split('\n');
    return Object.fromEntries(lines.map(l => l.split(/=(.*)/s).slice(0, 2)));
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

describe('template service-with-environments workflows (shared namespaces)', () => {
  let output: string;
  let annotations: Record<string, string>;
  let workflows: Record<string, Workflow>;
  let rendered: Record<string, KubernetesObject[]>;

  beforeAll(async () => {
    const values = { ...SERVICE_TEMPLATE_VALUES, namespaceMode: 'shared' };
    delete (values as Partial<typeof values>).productionQuotaCpu;
    delete (values as Partial<typeof values>).productionQuotaMemory;
    delete (values as Partial<typeof values>).qaGroup;
    let body: any;
    ({ body, output } = await dryRunTemplate(TEMPLATE_DIR, values));
    annotations = body.output.annotations;
    workflows = {};
    for (const file of await readdir(join(output, WORKFLOWS))) {
      const text = await readFile(join(output, WORKFLOWS, file), 'utf8');
      workflows[file] = yaml.parse(text);
    }
    rendered = await renderWorkspaceOverlays(output);
  }, 60_000);

  afterAll(() => rm(output, { recursive: true, force: true }));

  it('generates the four workflows, each clean under actionlint', async () => {
    expect(Object.keys(workflows).sort()).toEqual([
      'feature-cleanup.yaml',
      'feature-deploy.yaml',
      'promote.yaml',
      'qa-deploy.yaml',
    ]);
    for (const file of Object.keys(workflows)) {
      const path = `${WORKFLOWS}/${file}`;
      const text = await readFile(join(output, path), 'utf8');
      expect(await lintWorkflow(text, path)).toEqual([]);
    }
  });

  it('lets promote.yaml take exactly the inputs the backend dispatches and name its run with the promotion id', () => {
    const promote = workflows['promote.yaml'];
    const inputs = promote.on.workflow_dispatch.inputs;
    expect(Object.keys(inputs).sort()).toEqual(
      [...WORKFLOW_DISPATCH_INPUTS].sort(),
    );
    for (const input of Object.values<any>(inputs)) {
      expect(input).toMatchObject({ required: true, type: 'string' });
    }
    expect(promote['run-name']).toContain('${{ inputs.promotion_id }}');
  });

  it('gives every workflow the service, image and overlays folder of the catalog entry', () => {
    const named = Object.values(workflows).map(({ env }) => [
      env.SERVICE,
      env.OVERLAYS_PATH,
      // promote.yaml's IMAGE is the input; IMAGE_NAME is the service's.
      env.IMAGE_NAME ?? env.IMAGE ?? annotations['stageline.io/image'],
    ]);
    expect(named).toEqual(
      Object.values(workflows).map(() => [
        annotations['backstage.io/kubernetes-id'],
        annotations['stageline.io/overlays-path'],
        annotations['stageline.io/image'],
      ]),
    );
  });

  it('pins qa deploys and promotions in overlays whose images entry names the image', async () => {
    const { env, on } = workflows['qa-deploy.yaml'];
    expect(env.QA_ENVIRONMENT).toBe('qa');
    expect(on.push['paths-ignore']).toEqual([`${env.OVERLAYS_PATH}/**`]);
    for (const environment of ['qa', 'staging', 'production']) {
      const kustomization = yaml.parse(
        await readFile(
          join(output, env.OVERLAYS_PATH, environment, 'kustomization.yaml'),
          'utf8',
        ),
      );
      expect(kustomization.images.map((i: any) => i.name)).toContain(env.IMAGE);
    }
  });

  it('deploys the preview into the namespace and host its overlay names', async () => {
    const outputs = await runStep(
      output,
      workflows['feature-deploy.yaml'],
      'Render the preview overlay',
      // What renderWorkspaceOverlays fills in.
      { PR_NUMBER: '142', GIT_SHA: 'abc1234' },
    );
    const namespace = rendered.feature.find(o => o.kind === 'Namespace')!;
    const ingress = rendered.feature.find(o => o.kind === 'Ingress') as any;
    expect(outputs).toEqual({
      namespace: namespace.metadata!.name,
      host: ingress.spec.rules[0].host,
    });
    expect(outputs.namespace).toBe('checkout-pr-142');
  });

  it('cleans up only the namespace the preview overlay names, labelled as this service', async () => {
    const cleanup = workflows['feature-cleanup.yaml'];
    const outputs = await runStep(
      output,
      cleanup,
      'Name the preview namespace',
      { PR_NUMBER: '142' },
    );
    const namespace = rendered.feature.find(o => o.kind === 'Namespace')!;
    expect(outputs).toEqual({ namespace: namespace.metadata!.name });
    expect(namespace.metadata!.labels!.service).toBe(cleanup.env.SERVICE);
    const deletion = cleanup.jobs.cleanup.steps.find(s =>
      s.run?.includes('kubectl delete namespace'),
    );
    expect(deletion!.run).toContain('{.metadata.labels.service}');
  });

  it('leaves the shared namespaces to the environment layer', () => {
    for (const env of ['qa', 'staging', 'production']) {
      const kinds = rendered[env].map(o => o.kind);
      for (const kind of ['Namespace', 'ResourceQuota', 'LimitRange', 'Role']) {
        expect(kinds).not.toContain(kind);
      }
      expect(new Set(rendered[env].map(o => o.metadata!.namespace))).toEqual(
        new Set([env]),
      );
    }
  });
});
