import type { ReactNode } from 'react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { SWRConfig } from 'swr';
import type { EnvironmentsApi } from '../api/EnvironmentsApi';
import { testEntity } from '../testing/testEntity';
import { environmentsApiRef } from '../api/EnvironmentsApi';

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
  },
) {
  const denied = new Set(options.denied ?? []);
  return renderInTestApp(
    <SWRConfig value={{ provider: () => new Map() }}>
      <EntityProvider entity={testEntity}>{node}</EntityProvider>
    </SWRConfig>,
    {
      apis: [
        [environmentsApiRef, options.api],
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
