import { useCallback } from 'react';
import {
  type CompoundEntityRef,
  parseEntityRef,
} from '@backstage/catalog-model';
import { type RouteFunc, useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';

/** The Environments tab's path below an entity's page. */
export const ENVIRONMENTS_TAB_PATH = 'environments';

type EntityRouteParams = { kind: string; namespace: string; name: string };

function useEntityRoute(): RouteFunc<EntityRouteParams> | undefined {
  // This useRouteRef works in both frontend systems and throws only after its hooks ran, when
  // nothing binds the catalog's entity page (an app or dev app without the catalog).
  try {
    return useRouteRef(entityRouteRef);
  } catch {
    return undefined;
  }
}

/**
 * Where an entity's Environments tab is, or a promotion's detail view in it: the catalog's entity
 * page (its default path where the catalog is not installed) and the tab's path.
 */
export function useEnvironmentsTabPath(): (
  entityRef: string | CompoundEntityRef,
  promotionId?: string,
) => string {
  const entityRoute = useEntityRoute();
  return useCallback(
    (entityRef, promotionId) => {
      const ref =
        typeof entityRef === 'string' ? parseEntityRef(entityRef) : entityRef;
      const params = {
        kind: ref.kind.toLocaleLowerCase('en-US'),
        namespace: ref.namespace,
        name: ref.name,
      };
      const page =
        entityRoute?.(params) ??
        `/catalog/${params.namespace}/${params.kind}/${params.name}`;
      const tab = `${page}/${ENVIRONMENTS_TAB_PATH}`;
      return promotionId
        ? `${tab}/promotions/${encodeURIComponent(promotionId)}`
        : tab;
    },
    [entityRoute],
  );
}
