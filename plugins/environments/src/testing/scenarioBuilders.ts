import type {
  EnvironmentState,
  EnvironmentsResponse,
  GateResult,
  ImageReference,
  Promotion,
} from '@stageline/plugin-environments-common';

/** Builders of the mock data in scenarios.ts: one service, `checkout`, with three versions. */
const ENTITY_REF = 'component:default/checkout';
export const HOUR = 3_600_000;
export const ago = (hours: number) =>
  new Date(Date.now() - hours * HOUR).toISOString();

const image = (tag: string, digestChar: string): ImageReference => ({
  name: 'ghcr.io/acme/checkout',
  tag,
  digest: `sha256:${digestChar.repeat(64)}`,
});
export const V1 = image('1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'a');
export const V2 = image('2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 'b');
export const V3 = image('3333333ccccccccccccccccccccccccccccccccc', 'c');

export const pass = (id: GateResult['id'], reason: string): GateResult => ({
  id,
  passed: true,
  reason,
  blocksRequest: id !== 'approvals',
});

export const stage = (
  name: string,
  version: ImageReference,
  overrides: Partial<EnvironmentState> = {},
): EnvironmentState => ({
  name,
  namespace: name,
  overlay: name,
  protected: name === 'production',
  desired: {
    path: `k8s/overlays/${name}/kustomization.yaml`,
    image: version,
  },
  live: {
    cluster: 'local',
    namespace: name,
    workloads: [],
    image: version,
    digests: [version.digest!],
    replicas: { desired: 3, updated: 3, ready: 3, available: 3 },
    rollout: 'complete',
    restarts: 0,
    since: ago(30),
    health: 'healthy',
    reasons: [],
  },
  inFlight: [],
  sync: { status: 'in-sync', reason: 'Runs what Git declares' },
  errors: [],
  ...overrides,
});

export const readiness = (
  source: string,
  target: string,
  version: ImageReference,
  overrides: Partial<NonNullable<EnvironmentState['promotion']>> = {},
): NonNullable<EnvironmentState['promotion']> => ({
  source,
  target,
  version,
  gates: [
    pass('source-healthy', `${source} healthy for 30h`),
    pass('soak-time', `${source} soaked 30h (1h required)`),
    pass('freeze-window', 'no freeze window'),
    pass('no-promotion-in-flight', `no promotion into ${target} in flight`),
    pass('digest-verified', 'digest verified in Git and cluster'),
  ],
  ready: true,
  approvalsRequired: target === 'production' ? 2 : 0,
  protected: target === 'production',
  mode: 'pull-request',
  ...overrides,
});

export const promotion = (overrides: Partial<Promotion> = {}): Promotion => ({
  id: 'p-1',
  entityRef: ENTITY_REF,
  kind: 'promotion',
  source: 'qa',
  target: 'staging',
  version: V2,
  requestedBy: 'user:default/ana',
  state: 'succeeded',
  mode: 'pull-request',
  approvalsRequired: 0,
  approvals: [],
  links: {
    pullRequest: { number: 41, url: 'https://github.com/acme/gitops/pull/41' },
    commit: {
      sha: 'feedface00000000000000000000000000000000',
      url: 'https://github.com/acme/gitops/commit/feedface',
    },
  },
  createdAt: ago(26),
  updatedAt: ago(25),
  finishedAt: ago(25),
  ...overrides,
});

export const chain = (
  environments: EnvironmentState[],
): EnvironmentsResponse => ({
  entityRef: ENTITY_REF,
  chain: 'default',
  gitopsRepo: 'acme/gitops',
  environments,
  generatedAt: new Date().toISOString(),
});
