import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { EnvironmentDefinition } from '@stageline/plugin-environments-common';
import { InMemoryPreviewOverrideStore } from './InMemoryPreviewOverrideStore';
import type { PullRequestSummary } from '../../gitops/types';
import type { AuditEntry } from '../../audit/types';
import type { EntityContext } from '../../catalog/EntityContext';
import { testLogger } from '../../kubernetes/__testUtils__/testLogger';
import { PreviewService } from '../PreviewService';
import { FakeClusters } from './FakeClusters';

export const NOW = new Date('2026-11-20T12:00:00Z');
export const HOUR = 3600_000;
export const TTL_MS = 72 * HOUR;

/** `hours` before NOW, as an ISO string. */
export function hoursAgo(hours: number): string {
  return new Date(NOW.getTime() - hours * HOUR).toISOString();
}

export function service(name: string, chain = 'default'): EntityContext {
  return {
    entityRef: `component:default/${name}`,
    service: name,
    chain,
    labelSelector: `backstage.io/kubernetes-id=${name}`,
    sourceRepo: `acme/${name}`,
    overlaysPath: 'k8s/overlays',
    gitopsRepoAnnotation: 'stageline.io/gitops-repo',
  };
}

export const CHECKOUT = service('checkout');
export const PAYMENTS = service('payments');

const env = (name: string, cluster?: string): EnvironmentDefinition => ({
  name,
  namespace: name,
  cluster,
  overlay: name,
  protected: false,
});

/** Whether `user` holds `permission` on `resourceRef`. */
export type Grants = (
  user: string,
  permission: string,
  resourceRef: string,
) => boolean;

/** A permission service answering from `grants` (by the caller's user entity ref). */
export function permissionsFrom(grants: Grants) {
  return mockServices.permissions.mock({
    authorize: jest.fn(
      async (
        requests: Array<{ permission: { name: string }; resourceRef?: string }>,
        { credentials }: { credentials: BackstageCredentials },
      ) => {
        const principal = credentials.principal as { userEntityRef?: string };
        return requests.map(r => ({
          result: grants(
            principal.userEntityRef ?? '',
            r.permission.name,
            r.resourceRef ?? '',
          )
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
        }));
      },
    ) as any,
  });
}

/**
 * A PreviewService over fakes: clusters `local` (default) and `east` in the chain, `other`
 * configured but outside it, `ghost` named by the chain but not configured. Everyone holds
 * every permission unless `grants` says otherwise.
 */
export function previewFixture(
  options: {
    dryRun?: boolean;
    maxDeletionsPerRun?: number;
    grants?: Grants;
  } = {},
) {
  const clusters = new FakeClusters(['local', 'east', 'other'], 'local');
  const overrides = new InMemoryPreviewOverrideStore(() => NOW);
  const audit: AuditEntry[] = [];
  const pullRequests = new Map<string, PullRequestSummary | Error>();
  const services = [CHECKOUT, PAYMENTS];
  const permissions = permissionsFrom(options.grants ?? (() => true));
  const logger = testLogger();
  const previews = new PreviewService({
    clusters,
    deleter: clusters,
    overrides,
    audit: { appendAudit: async entry => void audit.push(entry) },
    getPullRequest: async (ctx, number) => {
      const found = pullRequests.get(`${ctx.service}#${number}`);
      if (found instanceof Error) throw found;
      return found;
    },
    listServices: async () => services,
    config: {
      namespacePattern: 'feature-pr-{number}',
      ttlMs: TTL_MS,
      reaper: {
        dryRun: options.dryRun ?? false,
        maxDeletionsPerRun: options.maxDeletionsPerRun,
      },
      chains: new Map([
        [
          'default',
          [env('qa'), env('staging', 'east'), env('production', 'ghost')].map(
            definition => ({ definition }),
          ),
        ],
      ]),
    },
    logger,
    clock: { now: () => NOW },
    permissions,
  });
  const pr = (
    ctx: EntityContext,
    number: number,
    state: 'open' | 'closed' | 'merged',
    updatedAt = hoursAgo(1),
  ) =>
    pullRequests.set(`${ctx.service}#${number}`, { number, state, updatedAt });
  return {
    previews,
    clusters,
    overrides,
    audit,
    pullRequests,
    services,
    logger,
    permissions,
    pr,
  };
}
