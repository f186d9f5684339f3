import type { ApiEnvironment } from './apiTypes';
import type { ExampleService } from './ExampleService';
import { environmentsApi } from './environmentsApi';

/** A service's chain as the backend reports it to the guest. */
export async function serviceEnvironments(
  service: ExampleService,
): Promise<ApiEnvironment[]> {
  const answer = await environmentsApi<{ environments: ApiEnvironment[] }>(
    'guest',
    `${service.apiPath}/environments`,
  );
  return answer.environments;
}
