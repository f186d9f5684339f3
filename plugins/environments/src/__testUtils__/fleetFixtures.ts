import type {
  DeliveryMetrics,
  FleetQuery,
  FleetResponse,
} from '@stageline/plugin-environments-common';
import type { FleetApi, MetricsQuery } from '../api/FleetApi';

const IMAGE = 'registry.example.com/shop/checkout';
const sha = (c: string) => c.repeat(40);

/** Two services of the shop: checkout (drifted in production, a promotion awaiting approval) and payments. */
export const fleetPage: FleetResponse = {
  generatedAt: '2026-11-20T12:00:00.000Z',
  total: 2,
  environments: ['qa', 'staging', 'production'],
  services: [
    {
      entityRef: 'component:default/checkout',
      name: 'checkout',
      owner: 'group:default/team-shop',
      system: 'system:default/shop',
      chain: 'default',
      environments: [
        {
          name: 'qa',
          version: { name: IMAGE, tag: sha('c') },
          sync: 'in-sync',
          reason: 'runs what Git declares',
          flags: [],
          since: '2026-11-20T10:00:00.000Z',
          errors: [],
        },
        {
          name: 'staging',
          version: { name: IMAGE, tag: sha('b') },
          sync: 'in-sync',
          reason: 'runs what Git declares',
          flags: [],
          since: '2026-11-19T12:00:00.000Z',
          lag: {
            upToDate: false,
            commits: 3,
            behindSince: '2026-11-20T10:00:00.000Z',
          },
          errors: [],
        },
        {
          name: 'production',
          version: { name: IMAGE, tag: sha('a') },
          sync: 'drifted',
          reason: 'the cluster runs another version',
          flags: ['drifted', 'waiting-for-approval'],
          inFlight: {
            id: 'p-1',
            kind: 'promotion',
            state: 'awaiting-approval',
            version: { name: IMAGE, tag: sha('b') },
            requestedBy: 'user:default/ana',
            createdAt: '2026-11-20T11:00:00.000Z',
          },
          lag: { upToDate: false, behindSince: '2026-11-19T12:00:00.000Z' },
          errors: [],
        },
      ],
    },
    {
      entityRef: 'component:default/payments',
      name: 'payments',
      title: 'Payments',
      chain: 'default',
      environments: [],
      error: 'Not read: another entity owns its overlays',
    },
  ],
};

export const metrics: DeliveryMetrics = {
  scope: { kind: 'system', ref: 'system:default/shop' },
  from: '2026-11-02T00:00:00.000Z',
  to: '2026-11-16T00:00:00.000Z',
  entityRefs: ['component:default/checkout', 'component:default/payments'],
  deploymentFrequency: { deployments: 5, perWeek: 2.5 },
  leadTime: { samples: 4, medianSeconds: 14 * 3600, p90Seconds: 24 * 3600 },
  changeFailureRate: { changes: 7, failures: 3, rate: 0.429 },
  timeToRestore: { restored: 2, open: 1, medianSeconds: 5400 },
  weeks: [
    {
      start: '2026-11-02T00:00:00.000Z',
      deployments: 3,
      failures: 1,
      leadTimeMedianSeconds: 4 * 3600,
    },
    { start: '2026-11-09T00:00:00.000Z', deployments: 2, failures: 2 },
  ],
  generatedAt: '2026-11-20T12:00:00.000Z',
};

/** A FleetApi of jest mocks answering the fixtures above. */
export function mockFleetApi(): jest.Mocked<FleetApi> {
  return {
    getFleet: jest.fn<Promise<FleetResponse>, [FleetQuery]>(
      async () => fleetPage,
    ),
    getAwaitingApprovals: jest.fn(async () => ({
      promotions: [
        {
          id: 'p-1',
          entityRef: 'component:default/checkout',
          source: 'staging',
          target: 'production',
          version: { name: IMAGE, tag: sha('b') },
          requestedBy: 'user:default/ana',
          createdAt: '2026-11-20T11:00:00.000Z',
          approvalsRequired: 2,
          approvals: 1,
        },
      ],
    })),
    getAwaitingAcknowledgements: jest.fn(async () => ({
      promotions: [
        {
          id: 'p-bg',
          entityRef: 'component:default/payments',
          kind: 'promotion' as const,
          source: 'staging',
          target: 'production',
          version: { name: IMAGE, tag: sha('c') },
          requestedBy: 'user:default/bo',
          reason: 'Payments down',
          createdAt: '2026-11-20T11:30:00.000Z',
          incident: 'https://status.example.com/incidents/42',
        },
        {
          id: 'p-rollback',
          entityRef: 'component:default/checkout',
          kind: 'rollback' as const,
          target: 'production',
          version: { name: IMAGE, tag: sha('a') },
          requestedBy: 'user:default/zoe',
          createdAt: '2026-11-20T10:30:00.000Z',
          incident: 'https://status.example.com/incidents/41',
        },
      ],
    })),
    getMetrics: jest.fn<Promise<DeliveryMetrics>, [MetricsQuery]>(
      async () => metrics,
    ),
    getMetricsCsv: jest.fn<Promise<string>, [MetricsQuery]>(
      async () => 'week_start,deployments\r\n',
    ),
  };
}
