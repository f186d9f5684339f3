import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { ServiceUnavailableError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readEnvironmentsConfig } from '../config/readEnvironmentsConfig';
import { FakeClusterStateReader } from '../kubernetes/__testUtils__/FakeClusterStateReader';
import { InMemoryGitRepository } from '../gitops/__testUtils__/InMemoryGitRepository';
import { inMemoryResolver } from '../gitops/__testUtils__/inMemoryResolver';
import { liveState } from '../kubernetes/__testUtils__/liveState';
import {
  ownerFile,
  testOwnershipGuard,
} from '../ownership/__testUtils__/testOwnershipGuard';
import { PreviewService } from '../previews/PreviewService';
import { InMemoryPreviewOverrideStore } from '../previews/__testUtils__/InMemoryPreviewOverrideStore';
import { EnvironmentsService } from './EnvironmentsService';

const IMAGE = 'registry.example.com/shop/checkout';
const digest = (c: string) => `sha256:${c.repeat(64)}`;
const overlay = (tag: string, d: string) => `# keep me
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources: [../../base]
images:
  - name: ${IMAGE}
    newTag: "${tag}"
    digest: "${d}"
`;

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-id': 'checkout',
      'github.com/project-slug': 'acme/checkout',
      'stageline.io/gitops-repo': 'acme/gitops',
    },
  },
  spec: { type: 'service' },
};
const ref = { kind: 'component', namespace: 'default', name: 'checkout' };
const credentials = mockCredentials.user();

function setup(environments: object = {}) {
  const clusters = new FakeClusterStateReader();
  const gitops = new InMemoryGitRepository('acme/gitops');
  const source = new InMemoryGitRepository('acme/checkout');
  const repos: Record<string, InMemoryGitRepository> = {
    'acme/gitops': gitops,
    'acme/checkout': source,
  };
  const catalog = catalogServiceMock({ entities: [entity] });
  const repositories = inMemoryResolver(repos);
  const config = readEnvironmentsConfig(new ConfigReader({ environments }));
  const service = EnvironmentsService.create({
    catalog,
    config,
    clusters,
    repositories,
    logger: mockServices.logger.mock(),
    guard: testOwnershipGuard({ catalog, repositories }),
  });
  gitops.files.set(
    ...ownerFile('component:default/checkout', {
      sourceRepository: 'acme/checkout',
    }),
  );
  gitops.files.set(
    'k8s/overlays/qa/kustomization.yaml',
    overlay('v3', digest('c')),
  );
  gitops.files.set(
    'k8s/overlays/staging/kustomization.yaml',
    overlay('v2', digest('b')),
  );
  gitops.files.set(
    'k8s/overlays/production/kustomization.yaml',
    overlay('v1', digest('a')),
  );
  const live = (ns: string, tag: string, d: string) =>
    clusters.live.set(
      ns,
      liveState({ namespace: ns, image: { name: IMAGE, tag }, digests: [d] }),
    );
  live('qa', 'v3', digest('c'));
  live('staging', 'v2', digest('b'));
  live('production', 'v1', digest('a'));
  // Listing previews: the preview service, confirming ownership through the read model.
  const previews = new PreviewService({
    clusters,
    deleter: { deleteNamespace: jest.fn() },
    overrides: new InMemoryPreviewOverrideStore(),
    audit: { appendAudit: async () => {} },
    getPullRequest: (ctx, number) => service.getPullRequest(ctx, number),
    owners: service,
    listServices: async () => [],
    config: { ...config.previews, chains: config.chains },
    logger: mockServices.logger.mock(),
  });
  return { service, previews, clusters, gitops, source };
}

describe('EnvironmentsService.getEnvironments', () => {
  it('joins desired, live and sync for every environment of the chain', async () => {
    const { service } = setup();
    const res = await service.getEnvironments(ref, { credentials });
    expect(res.environments.map(e => [e.name, e.sync.status])).toEqual([
      ['qa', 'in-sync'],
      ['staging', 'in-sync'],
      ['production', 'in-sync'],
    ]);
    expect(res.environments[0].desired).toEqual({
      path: 'k8s/overlays/qa/kustomization.yaml',
      image: { name: IMAGE, tag: 'v3', digest: digest('c') },
      revision: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
    expect(res.environments[0].sameBitsAsUpstream).toBeUndefined();
    expect(res.environments[1].sameBitsAsUpstream).toBe(false);
    expect(res.gitopsRepo).toBe('acme/gitops');
  });

  it('reports same bits when two stages run one digest', async () => {
    const { service, clusters } = setup();
    clusters.live.set(
      'staging',
      liveState({
        namespace: 'staging',
        image: { name: IMAGE, tag: 'v3' },
        digests: [digest('c')],
      }),
    );
    const res = await service.getEnvironments(ref, { credentials });
    expect(res.environments[1].sameBitsAsUpstream).toBe(true);
    expect(res.environments[1].sync.status).toBe('drifted');
  });

  it('keeps desired state and says why when the cluster cannot be read', async () => {
    const { service, clusters } = setup();
    clusters.unavailable.set(
      'local',
      "cluster 'local' is unreachable: ECONNREFUSED",
    );
    const res = await service.getEnvironments(ref, { credentials });
    for (const env of res.environments) {
      expect(env.desired?.image?.tag).toBeDefined();
      expect(env.live).toBeUndefined();
      expect(env.sync.status).toBe('unknown');
      expect(env.errors).toEqual([
        {
          source: 'cluster',
          message: "cluster 'local' is unreachable: ECONNREFUSED",
        },
      ]);
    }
  });

  it('shows the last known state and its age while the cluster cannot be read', async () => {
    const { service, clusters } = setup();
    clusters.unavailable.set('local', "cluster 'local' is unreachable");
    clusters.lastKnownAsOf.set('local', '2026-11-20T11:00:00.000Z');
    const res = await service.getEnvironments(ref, { credentials });
    const [qa] = res.environments;
    expect(qa.live?.image?.tag).toBe('v3');
    expect(qa.liveAsOf).toBe('2026-11-20T11:00:00.000Z');
    expect(qa.sync).toEqual({
      status: 'unknown',
      since: '2026-11-20T11:00:00.000Z',
      reason: 'The cluster could not be read; it ran v3 when last read',
    });
    expect(qa.errors).toEqual([
      { source: 'cluster', message: "cluster 'local' is unreachable" },
    ]);
  });

  it('keeps live state from the last snapshot while Git cannot be read', async () => {
    const { service, gitops } = setup();
    await service.getEnvironments(ref, { credentials });
    gitops.servingLastSnapshot = true;
    gitops.failWith = new ServiceUnavailableError('GitHub unreachable');
    const res = await service.getEnvironments(ref, { credentials });
    expect(res.environments[0].live?.image?.tag).toBe('v3');
    expect(res.environments[0].desired?.image?.tag).toBe('v3');
    expect(res.environments[0].errors).toEqual([
      {
        source: 'git',
        message: 'Open promotion pull requests are unknown: GitHub unreachable',
      },
    ]);
  });

  it('withholds the cluster, saying why, when Git was never read and the owner is unconfirmed', async () => {
    const { service, gitops } = setup();
    gitops.failWith = new ServiceUnavailableError('GitHub unreachable');
    const res = await service.getEnvironments(ref, { credentials });
    expect(res.environments[0].live).toBeUndefined();
    expect(res.environments[0].errors).toEqual([
      { source: 'git', message: 'GitHub unreachable' },
      {
        source: 'cluster',
        message: expect.stringContaining(
          'Git confirms that component:default/checkout owns its overlays',
        ),
      },
    ]);
  });

  it('gives one environment its own error without failing the others', async () => {
    const { service, gitops } = setup();
    gitops.files.delete('k8s/overlays/staging/kustomization.yaml');
    const res = await service.getEnvironments(ref, { credentials });
    expect(res.environments[0].errors).toEqual([]);
    expect(res.environments[1].errors[0]).toEqual(
      expect.objectContaining({
        source: 'git',
        message: expect.stringMatching(/staging/),
      }),
    );
    expect(res.environments[2].errors).toEqual([]);
  });

  it('shows open promotion changes on the environment they target', async () => {
    const { service, gitops } = setup();
    gitops.changes.push(
      {
        kind: 'pull-request',
        number: 7,
        title: 'Promote checkout to staging',
        branch: 'stageline/checkout/staging',
      },
      {
        kind: 'pull-request',
        number: 8,
        title: 'Other service',
        branch: 'stageline/payments/staging',
      },
    );
    const res = await service.getEnvironments(ref, { credentials });
    expect(res.environments[1].inFlight.map(c => c.number)).toEqual([7]);
    expect(res.environments[0].inFlight).toEqual([]);
  });

  it('asks the cluster for the service by its label selector', async () => {
    const { service, clusters } = setup();
    await service.getEnvironments(ref, { credentials });
    expect(clusters.queries[0]).toEqual({
      cluster: 'local',
      namespace: 'qa',
      labelSelector: 'backstage.io/kubernetes-id=checkout',
      primaryImage: undefined,
    });
  });
});

describe('EnvironmentsService with a namespace per service', () => {
  it('reads each environment in the namespace named for the service', async () => {
    const { service, clusters } = setup({
      chains: {
        default: [
          { name: 'qa', namespace: '{service}-qa' },
          { name: 'production' },
        ],
      },
    });
    clusters.live.set(
      'checkout-qa',
      liveState({
        namespace: 'checkout-qa',
        image: { name: IMAGE, tag: 'v3' },
      }),
    );
    const res = await service.getEnvironments(ref, { credentials });
    expect(res.environments.map(e => e.namespace)).toEqual([
      'checkout-qa',
      'production',
    ]);
    expect(res.environments[0].live?.image?.tag).toBe('v3');
    expect(clusters.queries.map(q => q.namespace)).toEqual([
      'checkout-qa',
      'production',
    ]);
  });

  it('finds previews named for the service, and not another service’s', async () => {
    const { previews, clusters } = setup({
      previews: { namespacePattern: '{service}-pr-{number}' },
    });
    for (const name of ['checkout-pr-5', 'cart-pr-5']) {
      clusters.namespaces.push({ name, labels: {}, annotations: {} });
      clusters.live.set(name, liveState({ namespace: name }));
    }
    const res = await previews.getPreviews(ref, { credentials });
    expect(res.previews.map(p => p.namespace)).toEqual(['checkout-pr-5']);
  });
});

describe('PreviewService.getPreviews through the read model', () => {
  it('lists preview namespaces that hold the service, with their pull request and expiry', async () => {
    const { previews, clusters, source } = setup();
    clusters.namespaces.push(
      {
        name: 'feature-pr-12',
        createdAt: '2026-11-20T10:00:00.000Z',
        labels: {},
        annotations: {},
      },
      {
        name: 'feature-pr-13',
        createdAt: '2026-11-20T10:00:00.000Z',
        labels: {},
        annotations: {},
      },
      { name: 'staging', labels: {}, annotations: {} },
    );
    clusters.live.set(
      'feature-pr-12',
      liveState({ namespace: 'feature-pr-12' }),
    );
    clusters.urls.set('feature-pr-12', ['https://pr-12.checkout.example.com']);
    source.pullRequests.set(12, {
      number: 12,
      title: 'Faster lookup',
      state: 'open',
      updatedAt: '2026-11-21T10:00:00.000Z',
    });
    const res = await previews.getPreviews(ref, { credentials });
    expect(res.previews).toHaveLength(1);
    expect(res.previews[0]).toMatchObject({
      namespace: 'feature-pr-12',
      pullRequest: { number: 12, title: 'Faster lookup', state: 'open' },
      urls: ['https://pr-12.checkout.example.com'],
      expiresAt: '2026-11-24T10:00:00.000Z',
    });
  });
});

describe('EnvironmentsService.getVersionDiff', () => {
  it('compares the source commits behind two image versions', async () => {
    const { service, source } = setup();
    source.comparison = {
      commits: [
        {
          sha: 'b'.repeat(40),
          message: 'Faster lookup (#14)',
          pullRequest: { number: 14 },
        },
      ],
      truncated: false,
    };
    const res = await service.getVersionDiff(
      ref,
      { from: `${IMAGE}:${'a'.repeat(40)}`, to: 'b'.repeat(40) },
      { credentials },
    );
    expect(res).toMatchObject({
      repository: 'acme/checkout',
      from: 'a'.repeat(40),
      to: 'b'.repeat(40),
      commits: [expect.objectContaining({ message: 'Faster lookup (#14)' })],
    });
  });

  it('rejects a version that names no commit', async () => {
    const { service } = setup();
    await expect(
      service.getVersionDiff(
        ref,
        { from: `${IMAGE}:latest`, to: 'b'.repeat(40) },
        { credentials },
      ),
    ).rejects.toThrow(/commit SHA/);
  });
});
