import type {
  EnvironmentDefinition,
  LiveState,
} from '@stageline/plugin-environments-common';
import type { LinkTemplate } from '../config/Environment';
import type {
  ClusterReadResult,
  ClusterStateReader,
  WorkloadQuery,
} from '../kubernetes/types';
import { liveState } from '../kubernetes/__testUtils__/liveState';
import { readEnvironmentState } from './readEnvironmentState';
import { checkoutContext } from './__testUtils__/checkoutContext';

/** Two clusters, each with its own workloads and URLs per namespace; either may be down. */
class TwoClusters implements ClusterStateReader {
  readonly live = new Map<string, LiveState>();
  readonly urls = new Map<string, string[]>();
  readonly down = new Map<string, string>();
  readonly urlQueries: WorkloadQuery[] = [];

  clusterNames() {
    return ['main', 'prod'];
  }

  defaultClusterName() {
    return 'main';
  }

  async getLiveState(
    q: WorkloadQuery,
  ): Promise<ClusterReadResult<LiveState | undefined>> {
    const reason = this.down.get(q.cluster);
    if (reason) return { ok: false, reason };
    return { ok: true, value: this.live.get(`${q.cluster}/${q.namespace}`) };
  }

  async listNamespaces(): Promise<never> {
    throw new Error('not used');
  }

  async getUrls(q: WorkloadQuery): Promise<ClusterReadResult<string[]>> {
    this.urlQueries.push(q);
    const reason = this.down.get(q.cluster);
    if (reason) return { ok: false, reason };
    return {
      ok: true,
      value: this.urls.get(`${q.cluster}/${q.namespace}`) ?? [],
    };
  }
}

const ctx = checkoutContext;
const staging: EnvironmentDefinition = {
  name: 'staging',
  namespace: 'checkout-staging',
  overlay: 'staging',
  protected: false,
};
const production: EnvironmentDefinition = {
  name: 'production',
  namespace: 'checkout',
  cluster: 'prod',
  overlay: 'production',
  protected: true,
};

function read(
  clusters: ClusterStateReader,
  env: EnvironmentDefinition,
  extra: { links?: LinkTemplate[]; liveWithheld?: string } = {},
) {
  return readEnvironmentState({
    ctx,
    env,
    snapshot: undefined,
    repoError: 'no repository in this test',
    changes: [],
    clusters,
    ...extra,
  });
}

describe('readEnvironmentState: URLs', () => {
  it('gives each environment the URLs of its own cluster and namespace', async () => {
    const clusters = new TwoClusters();
    clusters.urls.set('main/checkout-staging', ['https://staging.shop.test/']);
    clusters.urls.set('prod/checkout', ['https://shop.test/']);
    clusters.urls.set('main/checkout', ['https://wrong-cluster.test/']);

    expect((await read(clusters, staging)).urls).toEqual([
      'https://staging.shop.test/',
    ]);
    expect((await read(clusters, production)).urls).toEqual([
      'https://shop.test/',
    ]);
    expect(clusters.urlQueries).toEqual([
      expect.objectContaining({
        cluster: 'main',
        namespace: 'checkout-staging',
      }),
      {
        cluster: 'prod',
        namespace: 'checkout',
        labelSelector: 'backstage.io/kubernetes-id=checkout',
        primaryImage: undefined,
      },
    ]);
  });

  it('says there is none with an empty list', async () => {
    const state = await read(new TwoClusters(), staging);
    expect(state.urls).toEqual([]);
  });

  it('leaves URLs out when the cluster is down, with its one cluster error', async () => {
    const clusters = new TwoClusters();
    clusters.down.set('prod', "cluster 'prod' cannot be reached");
    clusters.live.set('main/checkout-staging', liveState());

    const prod = await read(clusters, production);
    expect(prod).not.toHaveProperty('urls');
    expect(prod.errors.filter(e => e.source === 'cluster')).toEqual([
      { source: 'cluster', message: "cluster 'prod' cannot be reached" },
    ]);
    const stagingState = await read(clusters, staging);
    expect(stagingState.errors.filter(e => e.source === 'cluster')).toEqual([]);
    expect(stagingState.urls).toEqual([]);
  });

  it('does not read URLs before ownership is confirmed', async () => {
    const clusters = new TwoClusters();
    const state = await read(clusters, production, {
      liveWithheld: 'Not read: ownership unconfirmed',
    });
    expect(state).not.toHaveProperty('urls');
    expect(clusters.urlQueries).toEqual([]);
  });
});

describe('readEnvironmentState: links', () => {
  const links: LinkTemplate[] = [
    {
      title: 'Logs',
      url: 'https://grafana.test/explore?c={cluster}&ns={namespace}&app={service}&env={environment}',
    },
    {
      title: 'Production dashboard',
      url: 'https://grafana.test/d/{service}',
      environments: ['production'],
    },
  ];

  it('fills the templates that apply, in config order', async () => {
    const clusters = new TwoClusters();
    expect((await read(clusters, production, { links })).links).toEqual([
      {
        title: 'Logs',
        url: 'https://grafana.test/explore?c=prod&ns=checkout&app=checkout&env=production',
      },
      {
        title: 'Production dashboard',
        url: 'https://grafana.test/d/checkout',
      },
    ]);
    expect((await read(clusters, staging, { links })).links).toEqual([
      {
        title: 'Logs',
        url: 'https://grafana.test/explore?c=main&ns=checkout-staging&app=checkout&env=staging',
      },
    ]);
  });

  it('keeps links while the cluster is down: they come from config', async () => {
    const clusters = new TwoClusters();
    clusters.down.set('prod', 'down');
    expect((await read(clusters, production, { links })).links).toHaveLength(2);
  });

  it('leaves out a link that needs a cluster where none is configured, and links when none applies', async () => {
    const noCluster: ClusterStateReader = Object.assign(new TwoClusters(), {
      defaultClusterName: () => undefined,
    });
    const state = await read(noCluster, staging, {
      links: [
        ...links,
        { title: 'Namespace', url: 'https://k8s.test/ns/{namespace}' },
      ],
    });
    expect(state.links).toEqual([
      { title: 'Namespace', url: 'https://k8s.test/ns/checkout-staging' },
    ]);
    expect(
      await read(new TwoClusters(), staging, { links: [links[1]] }),
    ).not.toHaveProperty('links');
  });
});
