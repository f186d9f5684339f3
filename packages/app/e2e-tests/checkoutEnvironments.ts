import type { ApiEnvironment } from './apiTypes';
import { CHECKOUT } from './CHECKOUT';
import { serviceEnvironments } from './serviceEnvironments';

/** checkout's chain as the backend reports it to the guest. */
export async function checkoutEnvironments(): Promise<ApiEnvironment[]> {
  return serviceEnvironments(CHECKOUT);
}
