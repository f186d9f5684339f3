import { createMockDirectory } from '@backstage/backend-test-utils';
import { OVERLAY_OWNER_FILE } from '@stageline/plugin-environments-common';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import yaml from 'yaml';
import { KubernetesObject } from '../manifests/types';
import { listFiles } from '../__testUtils__/listFiles';
import { renderWorkspaceOverlays } from '../__testUtils__/renderWorkspaceOverlays';
import { restrictedViolations } from '../__testUtils__/restrictedViolations';
import { runCreate } from './__testUtils__/runCreate';
import { verbsBySubject } from '../__testUtils__/verbsBySubject';
import { createEnvironmentsAction } from './createEnvironmentsAction';
import { rawInputContext } from '../__testUtils__/rawInputContext';

const INPUT = {
  name: 'checkout',
  owner: 'team-checkout',
  image: 'ghcr.io/acme/checkout',
  repoSlug: 'acme/checkout',
};

const CHAIN = ['qa', 'staging', 'production'];

const ofKind = (objects: KubernetesObject[], kind: string) =>
  objects.filter(o => o.kind === kind) as any[];

describe('stageline:environments:create (shared namespaces, the default)', () => {
  let rendered: Record<string, KubernetesObject[]>;
  let run: Awaited<ReturnType<typeof runCreate>>;

  beforeAll(async () => {
    run = await runCreate(INPUT);
    rendered = await renderWorkspaceOverlays(run.dir.path);
  }, 60_000);

  it('writes an overlay per environment of the default chain plus the preview template, each rendering and valid', () => {
    expect(Object.keys(rendered).sort()).toEqual([
      'feature',
      'production',
      'qa',
      'staging',
    ]);
    for (const [env, objects] of Object.entries(rendered)) {
      const namespace = env === 'feature' ? 'checkout-pr-142' : env;
      const namespaces = objects.map(o =>
        o.kind === 'Namespace' ? o.metadata!.name : o.metadata!.namespace,
      );
      expect(new Set(namespaces)).toEqual(new Set([namespace]));
    }
  });

  it('only references the shared namespaces: no environment-level object in their overlays', async () => {
    for (const env of CHAIN) {
      expect(
        rendered[env].map(o => `${o.kind}/${o.metadata!.name}`).sort(),
      ).toEqual(
        [
          'Deployment/checkout',
          'Ingress/checkout',
          'NetworkPolicy/checkout-from-ingress-controller',
          'Service/checkout',
          ...(env === 'qa'
            ? []
            : [
                'HorizontalPodAutoscaler/checkout',
                'PodDisruptionBudget/checkout',
              ]),
        ].sort(),
      );
      const files = await readdir(join(run.dir.path, 'k8s/overlays', env));
      expect(files).not.toContain('namespace.yaml');
    }
  });

  it('labels workloads and pods with backstage.io/kubernetes-id and probes the health path', () => {
    const [deployment] = ofKind(rendered.production, 'Deployment');
    expect(deployment.metadata.labels['backstage.io/kubernetes-id']).toBe(
      'checkout',
    );
    expect(
      deployment.spec.template.metadata.labels['backstage.io/kubernetes-id'],
    ).toBe('checkout');
    const container = deployment.spec.template.spec.containers[0];
    expect(container.readinessProbe.httpGet.path).toBe('/health');
    expect(container.livenessProbe.httpGet.path).toBe('/health');
    expect(container.image).toBe('ghcr.io/acme/checkout:GITSHA');
    expect(deployment.spec.replicas).toBe(3);
    expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
    const [qa] = ofKind(rendered.qa, 'Deployment');
    expect(qa.spec.replicas).toBe(2);
    expect(qa.spec.template.spec.containers[0].resources.limits.cpu).toBe(
      '500m',
    );
  });

  it('hardens every workload to the restricted Pod Security Standard', () => {
    const workloads = ofKind(Object.values(rendered).flat(), 'Deployment');
    expect(workloads).toHaveLength(4);
    for (const workload of workloads) {
      expect(restrictedViolations(workload)).toEqual([]);
    }
  });

  it('writes the image tag placeholder as a quoted string', async () => {
    const text = await readFile(
      join(run.dir.path, 'k8s/overlays/qa/kustomization.yaml'),
      'utf8',
    );
    expect(text).toContain('newTag: "GITSHA"');
  });

  it("gives the preview a namespace of the service's own, with Pod Security levels, quota, limits, policies and RBAC", () => {
    const [ns] = ofKind(rendered.feature, 'Namespace');
    expect(ns.metadata).toEqual({
      name: 'checkout-pr-142',
      labels: {
        environment: 'feature',
        owner: 'team-checkout',
        service: 'checkout',
        'pod-security.kubernetes.io/enforce': 'baseline',
        'pod-security.kubernetes.io/warn': 'restricted',
        'pod-security.kubernetes.io/audit': 'restricted',
      },
    });
    expect(ofKind(rendered.feature, 'ResourceQuota')[0].spec.hard.pods).toBe(
      '10',
    );
    expect(ofKind(rendered.feature, 'LimitRange')).toHaveLength(1);
    expect(
      ofKind(rendered.feature, 'NetworkPolicy')
        .map(p => p.metadata.name)
        .sort(),
    ).toEqual([
      'allow-same-namespace',
      'checkout-from-ingress-controller',
      'default-deny-ingress',
    ]);
    const verbs = verbsBySubject(rendered.feature);
    expect(verbs['Group:/developers']).toContain('create');
    expect(verbs['ServiceAccount:kube-system/github-ci']).toBeUndefined();
  });

  it('gives staging and production an HPA and a PodDisruptionBudget, and nothing else', () => {
    for (const [env, objects] of Object.entries(rendered)) {
      const expected = ['staging', 'production'].includes(env) ? 1 : 0;
      expect(ofKind(objects, 'HorizontalPodAutoscaler')).toHaveLength(expected);
      expect(ofKind(objects, 'PodDisruptionBudget')).toHaveLength(expected);
    }
  });

  it("lets only the ingress controller reach the service's own pods, on their http port", () => {
    for (const env of CHAIN) {
      const [policy] = ofKind(rendered[env], 'NetworkPolicy');
      expect(policy.spec).toEqual({
        podSelector: { matchLabels: { app: 'checkout' } },
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [
              {
                namespaceSelector: {
                  matchLabels: { 'kubernetes.io/metadata.name': 'traefik' },
                },
              },
            ],
            ports: [{ protocol: 'TCP', port: 'http' }],
          },
        ],
      });
    }
  });

  it("routes one host per environment through a standard Ingress on the cluster's default class", () => {
    const host = (env: string) => ofKind(rendered[env], 'Ingress')[0];
    expect(host('production').spec.rules[0].host).toBe('checkout.example.com');
    expect(host('qa').spec.rules[0].host).toBe('checkout.qa.example.com');
    expect(host('feature').spec.rules[0].host).toBe(
      'pr-142.checkout.preview.example.com',
    );
    expect(host('qa').spec.ingressClassName).toBeUndefined();
    expect(ofKind(Object.values(rendered).flat(), 'IngressRoute')).toEqual([]);
  });

  it('routes through a Traefik IngressRoute only when asked, with the same hosts', async () => {
    const { dir } = await runCreate({
      ...INPUT,
      ingress: { kind: 'IngressRoute', domain: 'apps.example.org' },
      previews: false,
    });
    const overlays = await renderWorkspaceOverlays(dir.path);
    expect(Object.keys(overlays).sort()).toEqual(CHAIN.slice().sort());
    const [route] = ofKind(overlays.staging, 'IngressRoute');
    expect(route.spec.routes[0].match).toBe(
      'Host(`checkout.staging.apps.example.org`)',
    );
    expect(ofKind(overlays.staging, 'Ingress')).toHaveLength(0);
  });

  it('names the entity that owns the overlays in their owner file', async () => {
    const text = await readFile(
      join(run.dir.path, 'k8s/overlays', OVERLAY_OWNER_FILE),
      'utf8',
    );
    expect(text).toMatch(/^# Names the only catalog entity allowed to read/);
    expect(yaml.parse(text)).toEqual({ entity: 'component:default/checkout' });
  });

  it('refuses a quota for a shared namespace, which the environment layer owns', async () => {
    const dir = createMockDirectory();
    const ctx = rawInputContext({
      workspacePath: dir.path,
      input: { ...INPUT, sizing: { staging: { quota: { pods: 80 } } } },
    });
    await expect(createEnvironmentsAction().handler(ctx)).rejects.toThrow(
      /'sizing.staging.quota' cannot be set when namespaceMode is 'shared'/,
    );
    expect(await listFiles(dir.path)).toEqual([]);
  });

  it('outputs the annotations and a summary listing exactly the files written', async () => {
    expect(run.ctx.output).toHaveBeenCalledWith('annotations', {
      'backstage.io/kubernetes-id': 'checkout',
      'github.com/project-slug': 'acme/checkout',
      'stageline.io/gitops-repo': 'acme/checkout',
      'stageline.io/overlays-path': 'k8s/overlays',
      'stageline.io/image': 'ghcr.io/acme/checkout',
    });
    const summary = (run.ctx.output as jest.Mock).mock.calls.find(
      ([name]) => name === 'summary',
    )[1];
    expect([...summary.files].sort()).toEqual(await listFiles(run.dir.path));
    expect(summary.environments).toEqual(CHAIN);
    expect(summary.previewOverlay).toBe('k8s/overlays/feature');
  });

  it('writes the same files in a dry run, since the workspace is then a throw-away copy', async () => {
    const dry = await runCreate(INPUT, { isDryRun: true });
    expect(await listFiles(dry.dir.path)).toEqual(
      await listFiles(run.dir.path),
    );
  });

  it('never logs or outputs secrets', async () => {
    const canary = 'secret-canary-4711';
    const dir = createMockDirectory();
    const ctx = rawInputContext({
      workspacePath: dir.path,
      input: INPUT,
      secrets: { token: canary },
    });
    const info = jest.spyOn(ctx.logger, 'info');
    await createEnvironmentsAction().handler(ctx);
    expect(JSON.stringify(info.mock.calls)).not.toContain(canary);
    expect(JSON.stringify((ctx.output as jest.Mock).mock.calls)).not.toContain(
      canary,
    );
  });
});
