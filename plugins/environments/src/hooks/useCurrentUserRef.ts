import { useApi } from '@backstage/core-plugin-api';
import { coreApis } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';

/** The signed-in user's entity ref, e.g. `user:default/ana`; undefined until known. */
export function useCurrentUserRef(): string | undefined {
  const identityApi = useApi(coreApis.identity);
  const { value } = useAsync(
    async () => (await identityApi.getBackstageIdentity()).userEntityRef,
    [identityApi],
  );
  return value;
}
