import type { ReactNode } from 'react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { SWRConfig } from 'swr';
import type { EnvironmentsApi } from '../api/EnvironmentsApi';
import { testEntity } from '../testing/testEntity';
import { environmentsApiRef } from '../api/EnvironmentsApi';
import { testUserEntities } from './testUserEntities';

/**
 * Renders a component for the test entity with a given API, signed-in user and permissions
 * (allowed unless listed in `denied`). SWR gets a fresh cache so permission decisions do not leak
 * between tests.
 */
export function renderWithEntity(
  node: ReactNode,
  options: {
    api: EnvironmentsApi;
    userEntityRef?: string;
    denied?: string[];
    /** Where the tab is shown, e.g. `/promotions/p-9` for a promotion's detail view. */
    path?: string;
    /** Default: a catalog holding the scenarios' people ({@link testUserEntities}). */
    catalogApi?: ReturnType<typeof catalogApiMock>;
  },
) {
  const denied = new Set(options.denied ?? []);
  return renderInTestApp(
    <SWRConfig value={{ provider: () => new Map() }}>
      <EntityProvider entity={testEntity}>{node}</EntityProvider>
    </SWRConfig>,
    {
      ...(options.path ? { initialRouteEntries: [options.path] } : {}),
      apis: [
        [environmentsApiRef, options.api],
        options.catalogApi ?? catalogApiMock({ entities: testUserEntities }),
        mockApis.identity({
          userEntityRef: options.userEntityRef ?? 'user:default/carla',
        }),
        mockApis.permission({
          authorize: request =>
            denied.has(request.permission.name)
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        }),
      ],
    },
  );
}
