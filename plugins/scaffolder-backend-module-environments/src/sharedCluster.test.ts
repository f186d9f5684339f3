import { createMockDirectory } from '@backstage/backend-test-utils';
import { OVERLAY_OWNER_FILE } from '@stageline/plugin-environments-common';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import yaml from 'yaml';
import { KubernetesObject } from './manifests/types';
import { readTree } from './__testUtils__/readTree';
import { renderWorkspaceOverlays } from './__testUtils__/renderWorkspaceOverlays';
import { restrictedViolations } from './__testUtils__/restrictedViolations';
import { runCreate } from './actions/__testUtils__/runCreate';
import { runPlatform } from './actions/__testUtils__/runPlatform';
import { sharedClaims } from './__testUtils__/sharedClaims';

const PLATFORM = 'platform/environments';
const SERVICES = ['checkout', 'payments'];

/** A service scaffolded into the shared GitOps repository `acme/gitops`. */
const serviceInput = (name: string, namespaceMode: string) => ({
  name,
  owner: `team-${name}`,
  image: `ghcr.io/acme/${name}`,
  repoSlug: `acme/${name}`,
  gitopsRepo: 'acme/gitops',
  basePath: `apps/${name}/base`,
  overlaysPath: `apps/${name}/overlays`,
  namespaceMode,
  migrations: true,
});

/** Every render, keyed `<owner>/<overlay>`: what each GitOps application would apply. */
async function renderAll(workspace: string, withPlatform: boolean) {
  const renders: Record<string, KubernetesObject[]> = {};
  const sources = [
    ...(withPlatform ? [['platform', PLATFORM]] : []),
    ...SERVICES.map(name => [name, `apps/${name}/overlays`]),
  ];
  for (const [owner, path] of sources) {
    const rendered = await renderWorkspaceOverlays(workspace, path);
    for (const [overlay, objects] of Object.entries(rendered)) {
      renders[`${owner}/${overlay}`] = objects;
    }
  }
  return renders;
}

/** What keeps each workload (Deployments and migrations Jobs) from passing `restricted`. */
function workloadViolations(renders: Record<string, KubernetesObject[]>) {
  return Object.values(renders)
    .flat()
    .filter(o => ['Deployment', 'Job'].includes(o.kind))
    .map(
      o =>
        `${o.kind} ${o.metadata!.namespace}/${
          o.metadata!.name
        }: ${restrictedViolations(o)}`,
    );
}

async function ownerOf(workspace: string, service: string) {
  const path = join(workspace, `apps/${service}/overlays`, OVERLAY_OWNER_FILE);
  return yaml.parse(await readFile(path, 'utf8'));
}

describe('two services in one GitOps repository, shared namespaces', () => {
  const mockDir = createMockDirectory();
  let renders: Record<string, KubernetesObject[]>;
  let layerAfter: Record<string, Record<string, string>>;

  const environmentLayer = async () =>
    Object.fromEntries(
      Object.entries(await readTree(mockDir.path)).filter(([path]) =>
        path.startsWith(`${PLATFORM}/`),
      ),
    );

  beforeAll(async () => {
    mockDir.clear();
    await runPlatform(mockDir.path, { owner: 'platform' });
    layerAfter = { platform: await environmentLayer() };
    for (const service of SERVICES) {
      await runCreate(serviceInput(service, 'shared'), {
        workspacePath: mockDir.path,
      });
      layerAfter[service] = await environmentLayer();
    }
    await runPlatform(mockDir.path, { owner: 'platform' });
    layerAfter.rerun = await environmentLayer();
    renders = await renderAll(mockDir.path, true);
  }, 60_000);

  it('keeps the environment layer once, byte for byte, however many services join and however often it is rerun', () => {
    expect(Object.keys(layerAfter.platform)).toHaveLength(18);
    expect(layerAfter.checkout).toEqual(layerAfter.platform);
    expect(layerAfter.payments).toEqual(layerAfter.platform);
    expect(layerAfter.rerun).toEqual(layerAfter.platform);
  });

  it('renders no object that two of them claim', () => {
    expect(Object.keys(renders)).toHaveLength(3 + 2 * 4);
    expect(sharedClaims(renders)).toEqual({});
    // The check itself: the same overlay applied twice is a conflict.
    expect(
      Object.keys(
        sharedClaims({ a: renders['checkout/qa'], b: renders['checkout/qa'] }),
      ),
    ).toContain('Deployment qa/checkout');
  });

  it('runs every service in the namespaces the environment layer owns, previews apart', () => {
    const layerNamespaces = Object.entries(renders)
      .filter(([source]) => source.startsWith('platform/'))
      .flatMap(([, objects]) => objects)
      .filter(o => o.kind === 'Namespace')
      .map(o => o.metadata!.name);
    expect(layerNamespaces.sort()).toEqual(['production', 'qa', 'staging']);
    for (const service of SERVICES) {
      for (const env of ['qa', 'staging', 'production']) {
        const objects = renders[`${service}/${env}`];
        expect(objects.map(o => o.kind)).not.toContain('Namespace');
        expect(new Set(objects.map(o => o.metadata!.namespace))).toEqual(
          new Set([env]),
        );
      }
      const preview = renders[`${service}/feature`];
      const [namespace] = preview.filter(o => o.kind === 'Namespace');
      expect(namespace.metadata!.name).toBe(`${service}-pr-142`);
    }
  });

  it('hardens every workload of both services to the restricted Pod Security Standard', () => {
    const violations = workloadViolations(renders);
    // Two services, four overlays each, a Deployment and a migrations Job in each.
    expect(violations).toHaveLength(16);
    expect(violations.filter(v => !v.endsWith(': '))).toEqual([]);
  });

  it("names each service's entity and source repository as the owner of its overlays", async () => {
    for (const service of SERVICES) {
      expect(await ownerOf(mockDir.path, service)).toEqual({
        entity: `component:default/${service}`,
        sourceRepository: `acme/${service}`,
      });
    }
  });
});

describe('two services in one GitOps repository, a namespace per service', () => {
  const mockDir = createMockDirectory();
  let renders: Record<string, KubernetesObject[]>;

  beforeAll(async () => {
    mockDir.clear();
    for (const service of SERVICES) {
      await runCreate(serviceInput(service, 'per-service'), {
        workspacePath: mockDir.path,
      });
    }
    renders = await renderAll(mockDir.path, false);
  }, 60_000);

  it('renders no object that both claim: namespaces, quotas, limits and role bindings are each their own', () => {
    expect(Object.keys(renders)).toHaveLength(2 * 4);
    expect(sharedClaims(renders)).toEqual({});
    for (const service of SERVICES) {
      for (const env of ['qa', 'staging', 'production']) {
        const kinds = renders[`${service}/${env}`]
          .filter(o => o.metadata!.namespace === `${service}-${env}`)
          .map(o => o.kind);
        expect(kinds).toEqual(
          expect.arrayContaining([
            'ResourceQuota',
            'LimitRange',
            'RoleBinding',
          ]),
        );
      }
    }
  });

  it('hardens every workload of both services to the restricted Pod Security Standard', () => {
    const violations = workloadViolations(renders);
    // Two services, four overlays each, a Deployment and a migrations Job in each.
    expect(violations).toHaveLength(16);
    expect(violations.filter(v => !v.endsWith(': '))).toEqual([]);
  });

  it("names each service's entity as the owner of its overlays", async () => {
    for (const service of SERVICES) {
      expect((await ownerOf(mockDir.path, service)).entity).toBe(
        `component:default/${service}`,
      );
    }
  });
});
