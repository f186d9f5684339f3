import type { StandInObject } from '../StandInObject';
import { DemoRollouts } from './DemoRollouts';

const NAME = 'registry.example.com/shop/checkout';
const V1 = { name: NAME, tag: 'v1', digest: `sha256:${'1'.repeat(64)}` };
const V2 = { name: NAME, tag: 'v2', digest: `sha256:${'2'.repeat(64)}` };
const V3 = { name: NAME, tag: 'v3' };

type Any = any;

/** Records what the rollouts leave in the cluster, keyed by kind/namespace/name. */
function fakeCluster() {
  const objects = new Map<string, StandInObject>();
  const key = (kind: string, ns: string | undefined, name: string) =>
    `${kind}/${ns}/${name}`;
  return {
    objects,
    apply(o: StandInObject) {
      objects.set(key(o.kind, o.metadata.namespace, o.metadata.name), o);
      return o;
    },
    remove(_: string, kind: string, ns: string | undefined, name: string) {
      return objects.delete(key(kind, ns, name));
    },
    of(kind: string): Any[] {
      return [...objects.values()].filter(o => o.kind === kind);
    },
  };
}

const target = (image: typeof V1 | typeof V3) => ({
  service: 'checkout',
  namespace: 'staging',
  image,
  replicas: 2,
});

describe('DemoRollouts', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('creates a first version ready at once', () => {
    const cluster = fakeCluster();
    const rollouts = new DemoRollouts(cluster, { rolloutMs: 3000 });
    expect(rollouts.deploy(target(V1))).toBe('created');

    const [deployment] = cluster.of('Deployment');
    expect(deployment.spec.template.spec.containers[0].image).toBe(
      `${NAME}:v1@${V1.digest}`,
    );
    expect(deployment.metadata.labels['backstage.io/kubernetes-id']).toBe(
      'checkout',
    );
    expect(deployment.status).toMatchObject({
      replicas: 2,
      updatedReplicas: 2,
      availableReplicas: 2,
    });
    const pods = cluster.of('Pod');
    expect(pods).toHaveLength(2);
    expect(pods.map(p => p.status.containerStatuses[0].imageID)).toEqual([
      `docker-pullable://${NAME}@${V1.digest}`,
      `docker-pullable://${NAME}@${V1.digest}`,
    ]);
    expect(rollouts.deploy(target(V1))).toBe('unchanged');
  });

  it('rolls to a new version: new pods not ready first, then ready and the old ones gone', () => {
    const cluster = fakeCluster();
    const rollouts = new DemoRollouts(cluster, { rolloutMs: 3000 });
    rollouts.deploy(target(V1));
    expect(rollouts.deploy(target(V2))).toBe('rolling');

    expect(cluster.of('ReplicaSet')).toHaveLength(2);
    const rolling = cluster.of('Deployment')[0];
    expect(rolling.metadata.generation).toBe(2);
    expect(rolling.status).toMatchObject({
      replicas: 4,
      updatedReplicas: 2,
      availableReplicas: 2,
    });
    const notReady = cluster
      .of('Pod')
      .filter(p => p.status.containerStatuses[0].ready === false);
    expect(notReady).toHaveLength(2);
    expect(notReady[0].status.containerStatuses[0].image).toBe(
      `${NAME}:v2@${V2.digest}`,
    );

    jest.advanceTimersByTime(2999);
    expect(cluster.of('ReplicaSet')).toHaveLength(2);
    jest.advanceTimersByTime(1);

    const [rs] = cluster.of('ReplicaSet');
    expect(cluster.of('ReplicaSet')).toHaveLength(1);
    expect(rs.metadata.annotations['deployment.kubernetes.io/revision']).toBe(
      '2',
    );
    expect(
      cluster.of('Pod').map(p => p.status.containerStatuses[0].imageID),
    ).toEqual([
      `docker-pullable://${NAME}@${V2.digest}`,
      `docker-pullable://${NAME}@${V2.digest}`,
    ]);
    expect(cluster.of('Deployment')[0].status).toMatchObject({
      replicas: 2,
      updatedReplicas: 2,
      readyReplicas: 2,
    });
  });

  it('replaces a rollout in progress with a newer version, and back', () => {
    const cluster = fakeCluster();
    const rollouts = new DemoRollouts(cluster, { rolloutMs: 3000 });
    rollouts.deploy(target(V1));
    rollouts.deploy(target(V2));
    expect(rollouts.deploy(target(V2))).toBe('unchanged');
    expect(rollouts.deploy(target(V3))).toBe('rolling');
    expect(cluster.of('ReplicaSet')).toHaveLength(2);
    jest.advanceTimersByTime(3000);
    const images = cluster
      .of('Pod')
      .map(p => p.status.containerStatuses[0].image);
    expect(images).toEqual([`${NAME}:v3`, `${NAME}:v3`]);

    rollouts.deploy(target(V1));
    expect(rollouts.deploy(target(V3))).toBe('unchanged');
    expect(cluster.of('ReplicaSet')).toHaveLength(1);
    expect(cluster.of('Deployment')[0].status.updatedReplicas).toBe(2);
  });

  it('stop() leaves a pending rollout where it is', () => {
    const cluster = fakeCluster();
    const rollouts = new DemoRollouts(cluster, { rolloutMs: 3000 });
    rollouts.deploy(target(V1));
    rollouts.deploy(target(V2));
    rollouts.stop();
    jest.advanceTimersByTime(10_000);
    expect(cluster.of('ReplicaSet')).toHaveLength(2);
  });
});
