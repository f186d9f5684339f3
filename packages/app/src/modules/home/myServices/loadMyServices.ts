import type { Entity } from '@backstage/catalog-model';
import type { CatalogApi } from '@backstage/plugin-catalog-react';
import type { EnvironmentsApi } from '@stageline/plugin-environments';

/** At most this many services are listed (and read for open approvals) on the home page. */
export const MAX_SERVICES = 10;

/** A promotion of one of the user's services that waits for approvals. */
export type AwaitingApproval = {
  id: string;
  target: string;
  requestedBy: string;
  /** `{ required, given }` valid approvals. */
  approvals: { required: number; given: number };
  /** The signed-in user requested it, so cannot approve it. */
  ownRequest: boolean;
};

/** One service the user owns, with its promotions awaiting approval. */
export type MyService = {
  name: string;
  namespace: string;
  title: string;
  awaiting: AwaitingApproval[];
  /** Why its promotions could not be read, when they could not. */
  error?: string;
};

const KUBERNETES_ID = 'backstage.io/kubernetes-id';

/**
 * The Components the user (or one of their groups) owns that have environments, and each one's
 * promotions awaiting approval, from the catalog and the environments API's promotion history
 * (its database: no cluster or GitHub read). One service's failure is shown on that service.
 */
export async function loadMyServices(deps: {
  catalog: CatalogApi;
  environments: EnvironmentsApi;
  userEntityRef: string;
  ownershipEntityRefs: string[];
}): Promise<MyService[]> {
  const { items } = await deps.catalog.getEntities({
    filter: {
      kind: 'Component',
      'relations.ownedBy': deps.ownershipEntityRefs,
    },
    fields: [
      'kind',
      'metadata.name',
      'metadata.namespace',
      'metadata.title',
      'metadata.annotations',
    ],
  });
  const services = items
    .filter((e: Entity) => e.metadata.annotations?.[KUBERNETES_ID])
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))
    .slice(0, MAX_SERVICES);
  return Promise.all(
    services.map(async entity => {
      const ref = {
        kind: 'Component',
        namespace: entity.metadata.namespace ?? 'default',
        name: entity.metadata.name,
      };
      const service = {
        name: ref.name,
        namespace: ref.namespace,
        title: entity.metadata.title ?? ref.name,
      };
      try {
        const { promotions } = await deps.environments.getPromotions(ref);
        return {
          ...service,
          awaiting: promotions
            .filter(p => p.state === 'awaiting-approval')
            .map(p => ({
              id: p.id,
              target: p.target,
              requestedBy: p.requestedBy,
              approvals: {
                required: p.approvalsRequired,
                given: p.approvals.filter(
                  a => a.valid && a.decision === 'approved',
                ).length,
              },
              ownRequest: p.requestedBy === deps.userEntityRef,
            })),
        };
      } catch (error) {
        return {
          ...service,
          awaiting: [],
          error: error instanceof Error ? error.message : String(error),
        };
      }
    }),
  );
}
