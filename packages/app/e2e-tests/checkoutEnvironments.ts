import type { ApiEnvironment } from './apiTypes';
import { CHECKOUT } from './CHECKOUT';
import { environmentsApi } from './environmentsApi';

/** checkout's chain as the backend reports it to the guest. */
export async function checkoutEnvironments(): Promise<ApiEnvironment[]> {
  const answer = await environmentsApi<{ environments: ApiEnvironment[] }>(
    'guest',
    `${CHECKOUT.apiPath}/environments`,
  );
  return answer.environments;
}
