import { createRouteRef } from '@backstage/core-plugin-api';

/** Route of the Environments entity tab. */
export const rootRouteRef = createRouteRef({ id: 'environments' });
