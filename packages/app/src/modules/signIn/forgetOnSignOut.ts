import type { IdentityApi } from '@backstage/core-plugin-api';

/** The identity, with `forget` run on sign-out, so the next visit asks who signs in again. */
export function forgetOnSignOut(
  identity: IdentityApi,
  forget: () => void,
): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    signOut: async () => {
      forget();
      await identity.signOut();
    },
  };
}
