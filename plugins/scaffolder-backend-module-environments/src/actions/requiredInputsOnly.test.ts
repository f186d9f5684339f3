import { createMockDirectory } from '@backstage/backend-test-utils';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'yaml';
import { dryRunTemplate } from '../__testUtils__/dryRunTemplate';
import { listFiles } from '../__testUtils__/listFiles';
import { addEnvironmentAction } from './addEnvironmentAction';
import { createAnnotationsAction } from './createAnnotationsAction';
import { createEnvironmentsAction } from './createEnvironmentsAction';
import { platformEnvironmentsAction } from './platformEnvironmentsAction';

// The scaffolder validates a step's input against the action's JSON Schema and hands it over as
// written: a field the template leaves out arrives undefined, never with its default. Each test
// passes exactly the fields that schema requires, through the action's own handler.

const SERVICE = {
  name: 'checkout',
  owner: 'team-checkout',
  image: 'ghcr.io/acme/checkout',
};

/** The fields the JSON Schema the scaffolder validates against requires. */
const requiredInputs = (action: TemplateAction<any, any, any>) =>
  [
    ...((action.schema?.input as { required?: string[] }).required ?? []),
  ].sort();

/** The value of the output `name` a handler produced. */
const outputOf = (ctx: { output: unknown }, name: string) =>
  (ctx.output as jest.Mock).mock.calls.find(([n]) => n === name)?.[1];

describe('every action with only its required inputs', () => {
  const dir = createMockDirectory();
  beforeEach(() => dir.clear());

  it('stageline:environments:annotations defaults overlaysPath to k8s/overlays', async () => {
    const action = createAnnotationsAction();
    const input = { name: 'checkout' };
    expect(requiredInputs(action)).toEqual(Object.keys(input).sort());

    const ctx = createMockActionContext({ workspacePath: dir.path, input });
    await action.handler(ctx as any);

    expect(outputOf(ctx, 'annotations')).toEqual({
      'backstage.io/kubernetes-id': 'checkout',
      'stageline.io/overlays-path': 'k8s/overlays',
    });
  });

  it('stageline:environments:create writes the default layout: k8s/base, qa, staging, production and the preview template', async () => {
    const action = createEnvironmentsAction();
    const input = { ...SERVICE };
    expect(requiredInputs(action)).toEqual(Object.keys(input).sort());

    const ctx = createMockActionContext({ workspacePath: dir.path, input });
    await action.handler(ctx as any);

    expect(outputOf(ctx, 'annotations')).toEqual({
      'backstage.io/kubernetes-id': 'checkout',
      'stageline.io/overlays-path': 'k8s/overlays',
      'stageline.io/image': 'ghcr.io/acme/checkout',
    });
    const summary = outputOf(ctx, 'summary');
    expect(summary.environments).toEqual(['qa', 'staging', 'production']);
    expect(summary.previewOverlay).toBe('k8s/overlays/feature');
    const files = await listFiles(dir.path);
    expect([...summary.files].sort()).toEqual(files);
    expect(files).toEqual(
      expect.arrayContaining([
        'k8s/base/kustomization.yaml',
        'k8s/overlays/qa/kustomization.yaml',
        'k8s/overlays/staging/kustomization.yaml',
        'k8s/overlays/production/kustomization.yaml',
        'k8s/overlays/feature/kustomization.yaml',
      ]),
    );
    // No migrations Job unless asked for; port 8080 and /health probes by default.
    expect(files.some(f => f.includes('migrations'))).toBe(false);
    const base = await readFile(
      join(dir.path, 'k8s/base/deployment.yaml'),
      'utf8',
    );
    expect(base).toContain('containerPort: 8080');
    expect(base).toContain('path: /health');
  });

  it('stageline:environments:add adds a shared-namespace overlay under k8s/overlays', async () => {
    await createEnvironmentsAction().handler(
      createMockActionContext({
        workspacePath: dir.path,
        input: SERVICE,
      }) as any,
    );
    const before = await listFiles(dir.path);

    const action = addEnvironmentAction();
    const input = { ...SERVICE, environment: 'uat' };
    expect(requiredInputs(action)).toEqual(Object.keys(input).sort());

    const ctx = createMockActionContext({ workspacePath: dir.path, input });
    await action.handler(ctx as any);

    const added = (await listFiles(dir.path)).filter(f => !before.includes(f));
    expect(added.length).toBeGreaterThan(0);
    expect(added.every(f => f.startsWith('k8s/overlays/uat/'))).toBe(true);
    expect(outputOf(ctx, 'summary')).toEqual({
      files: expect.arrayContaining(added),
      environments: ['uat'],
    });
    const kustomization = yaml.parse(
      await readFile(
        join(dir.path, 'k8s/overlays/uat/kustomization.yaml'),
        'utf8',
      ),
    );
    expect(kustomization.namespace).toBe('uat');
  });

  it('stageline:environments:platform writes qa, staging and production under platform/environments', async () => {
    const action = platformEnvironmentsAction();
    const input = { owner: 'platform' };
    expect(requiredInputs(action)).toEqual(Object.keys(input).sort());

    const ctx = createMockActionContext({ workspacePath: dir.path, input });
    await action.handler(ctx as any);

    const summary = outputOf(ctx, 'summary');
    expect(summary.environments).toEqual(['qa', 'staging', 'production']);
    expect(summary.updated).toEqual([]);
    expect(summary.unchanged).toEqual([]);
    const files = await listFiles(dir.path);
    expect([...summary.created].sort()).toEqual(files);
    expect(
      files.every(f =>
        /^platform\/environments\/(qa|staging|production)\//.test(f),
      ),
    ).toBe(true);
    const namespace = await readFile(
      join(dir.path, 'platform/environments/production/namespace.yaml'),
      'utf8',
    );
    expect(namespace).toContain('pod-security.kubernetes.io/enforce: baseline');
  });
});

describe('every action with only its required inputs, in the scaffolder dry run', () => {
  let templateDir: string;
  let output: string | undefined;

  beforeAll(async () => {
    templateDir = await mkdtemp(join(tmpdir(), 'stageline-required-inputs-'));
    const step = (id: string, input: object) => ({
      id,
      name: id,
      action: `stageline:environments:${id}`,
      input,
    });
    await writeFile(
      join(templateDir, 'template.yaml'),
      yaml.stringify({
        apiVersion: 'scaffolder.backstage.io/v1beta3',
        kind: 'Template',
        metadata: { name: 'required-inputs-only' },
        spec: {
          owner: 'group:default/platform',
          type: 'service',
          steps: [
            step('platform', { owner: 'platform' }),
            step('create', SERVICE),
            step('add', { ...SERVICE, environment: 'uat' }),
            step('annotations', { name: 'checkout' }),
          ],
          output: {
            annotations: '${{ steps.annotations.output.annotations }}',
            environments: '${{ steps.create.output.summary.environments }}',
          },
        },
      }),
    );
  });

  afterAll(async () => {
    await rm(templateDir, { recursive: true, force: true });
    if (output) await rm(output, { recursive: true, force: true });
  });

  it('runs all four steps and outputs the defaults', async () => {
    const result = await dryRunTemplate(templateDir, {});
    output = result.output;
    expect(result.body.output).toEqual({
      annotations: {
        'backstage.io/kubernetes-id': 'checkout',
        'stageline.io/overlays-path': 'k8s/overlays',
      },
      environments: ['qa', 'staging', 'production'],
    });
    expect(await listFiles(output)).toEqual(
      expect.arrayContaining([
        'platform/environments/qa/kustomization.yaml',
        'k8s/base/kustomization.yaml',
        'k8s/overlays/production/kustomization.yaml',
        'k8s/overlays/uat/kustomization.yaml',
      ]),
    );
  });
});
