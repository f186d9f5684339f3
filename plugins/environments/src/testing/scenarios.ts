import type {
  EnvironmentsResponse,
  GateResult,
  ImageReference,
  PreviewEnvironment,
  Promotion,
  VersionDiffResponse,
} from '@stageline/plugin-environments-common';
import {
  HOUR,
  ago,
  V1,
  V2,
  V3,
  pass,
  stage,
  readiness,
  promotion,
  chain,
} from './scenarioBuilders';

/** Everything the mock API serves for one service. */
export type Scenario = {
  environments: EnvironmentsResponse;
  previews: PreviewEnvironment[];
  promotions: Promotion[];
  diff: VersionDiffResponse;
};

const healthyEnvironments = [
  stage('qa', V3),
  stage('staging', V2, { promotion: readiness('qa', 'staging', V3) }),
  stage('production', V1, {
    promotion: readiness('staging', 'production', V2),
  }),
];

const history = [
  promotion({
    id: 'p-3',
    target: 'production',
    source: 'staging',
    version: V1,
    createdAt: ago(50),
  }),
  promotion({ id: 'p-2', version: V1, createdAt: ago(60) }),
  promotion(),
  promotion({
    id: 'p-0',
    state: 'failed',
    version: V3,
    stateReason: 'rollout timed out after 10m',
    createdAt: ago(70),
  }),
].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

const diff: VersionDiffResponse = {
  repository: 'acme/checkout',
  from: V2.tag!,
  to: V3.tag!,
  truncated: false,
  url: 'https://github.com/acme/checkout/compare/2222222...3333333',
  commits: [
    {
      sha: V3.tag!,
      message: 'Retry payment capture on 502\n\nlong body',
      author: 'ana',
      url: `https://github.com/acme/checkout/commit/${V3.tag}`,
      pullRequest: {
        number: 12,
        url: 'https://github.com/acme/checkout/pull/12',
      },
    },
    {
      sha: 'abcdef1000000000000000000000000000000000',
      message: 'Bump deps',
      author: 'bo',
    },
  ],
};

const preview = (
  n: number,
  overrides: Partial<PreviewEnvironment> = {},
): PreviewEnvironment => ({
  namespace: `feature-pr-${n}`,
  pullRequest: {
    number: n,
    title: `Feature ${n}`,
    state: 'open',
    author: n % 2 ? 'ana' : 'bo',
    url: `https://github.com/acme/checkout/pull/${n}`,
  },
  urls: [`https://pr-${n}.preview.acme.test`],
  live: stage(`feature-pr-${n}`, V3).live,
  createdAt: ago(n),
  expiresAt: new Date(Date.now() + (72 - n) * HOUR).toISOString(),
  errors: [],
  ...overrides,
});

const base: Scenario = {
  environments: chain(healthyEnvironments),
  previews: [preview(7)],
  promotions: history,
  diff,
};

const failingGate = (id: GateResult['id'], reason: string): GateResult => ({
  id,
  passed: false,
  reason,
  blocksRequest: id !== 'approvals',
});

/** `readiness` gates, each of `replacements` in place of the default gate of its id. */
const gatesWith = (
  source: string,
  target: string,
  version: ImageReference,
  ...replacements: GateResult[]
): GateResult[] => [
  ...readiness(source, target, version).gates.filter(
    g => !replacements.some(r => r.id === g.id),
  ),
  ...replacements,
];

/**
 * qa and staging healthy, and promotion `inFlight` carrying V2 from staging into production,
 * which the no-promotion-in-flight gate names; `failing` lists the other gates that fail.
 */
const productionInFlight = (
  inFlight: Partial<Promotion> & Pick<Promotion, 'id' | 'state'>,
  options: { ready: boolean; failing?: GateResult[] },
): Scenario => ({
  ...base,
  environments: chain([
    healthyEnvironments[0],
    healthyEnvironments[1],
    stage('production', V1, {
      promotion: readiness('staging', 'production', V2, {
        ready: options.ready,
        gates: gatesWith(
          'staging',
          'production',
          V2,
          failingGate(
            'no-promotion-in-flight',
            `promotion ${inFlight.id} into production in flight`,
          ),
          ...(options.failing ?? []),
        ),
        inFlight: promotion({
          source: 'staging',
          target: 'production',
          links: {},
          createdAt: ago(2),
          finishedAt: undefined,
          ...inFlight,
        }),
      }),
    }),
  ]),
});

/** One scenario per state of the tab, for the dev harness and the component tests. */
export const scenarios = {
  healthy: base,
  drift: {
    ...base,
    environments: chain([
      healthyEnvironments[0],
      stage('staging', V2, {
        live: {
          ...healthyEnvironments[1].live!,
          image: V1,
          digests: [V1.digest!],
        },
        sync: {
          status: 'drifted',
          reason: 'Cluster runs 1111111 but Git declares 2222222',
        },
        promotion: readiness('qa', 'staging', V3),
      }),
      healthyEnvironments[2],
    ]),
  },
  failingGates: {
    ...base,
    environments: chain([
      stage('qa', V3, {
        live: { ...healthyEnvironments[0].live!, since: ago(0.4) },
      }),
      stage('staging', V2, {
        promotion: readiness('qa', 'staging', V3, {
          ready: false,
          gates: [
            pass('source-healthy', 'qa healthy for 24m'),
            failingGate('soak-time', 'soak time: 36m left (1h required)'),
            failingGate('freeze-window', 'freeze until 2026-12-27T00:00:00Z'),
          ],
        }),
      }),
      healthyEnvironments[2],
    ]),
  },
  awaitingApproval: productionInFlight(
    {
      id: 'p-9',
      state: 'awaiting-approval',
      approvalsRequired: 2,
      requestedBy: 'user:default/ana',
      reason: 'Weekly release',
      approvals: [
        {
          user: 'user:default/bo',
          decision: 'approved',
          at: ago(1),
          valid: true,
        },
      ],
    },
    { ready: true, failing: [failingGate('approvals', '1 of 2 approvals')] },
  ),
  frozen: {
    ...base,
    environments: chain([
      healthyEnvironments[0],
      stage('staging', V2, {
        promotion: readiness('qa', 'staging', V3, {
          ready: false,
          gates: gatesWith('qa', 'staging', V3, {
            ...failingGate(
              'freeze-window',
              'freeze until 2026-12-27T00:00:00Z',
            ),
            until: '2026-12-27T00:00:00Z',
          }),
        }),
      }),
      healthyEnvironments[2],
    ]),
  },
  scheduled: productionInFlight(
    {
      id: 'p-11',
      state: 'requested',
      requestedBy: 'user:default/ana',
      reason: 'Release after the holidays',
      schedule: { notBefore: '2027-01-04T08:00:00.000Z' },
      waitingFor: {
        kind: 'schedule',
        detail: 'its scheduled time, 2027-01-04T08:00:00.000Z',
        until: '2027-01-04T08:00:00.000Z',
      },
    },
    { ready: false },
  ),
  brokenCluster: {
    ...base,
    environments: chain([
      healthyEnvironments[0],
      stage('staging', V2, {
        live: undefined,
        sync: { status: 'unknown', reason: 'The cluster could not be read' },
        errors: [
          {
            source: 'cluster',
            message: "cluster 'eu-1' unreachable: ECONNREFUSED",
          },
        ],
        promotion: readiness('qa', 'staging', V3),
      }),
      healthyEnvironments[2],
    ]),
  },
  manyPreviews: {
    ...base,
    previews: Array.from({ length: 14 }, (_, i) =>
      preview(i + 1, {
        keep: i === 2,
        ...(i === 5
          ? {
              live: undefined,
              errors: [
                { source: 'cluster' as const, message: 'namespace not found' },
              ],
            }
          : {}),
      }),
    ),
  },
} satisfies Record<string, Scenario>;
