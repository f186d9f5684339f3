import { createRouteRef } from '@backstage/core-plugin-api';

/** Route of the Environments entity tab. */
export const rootRouteRef = createRouteRef({ id: 'environments' });

/** Route of the Environments page: every service's environments at once. */
export const fleetRouteRef = createRouteRef({ id: 'environments-fleet' });
