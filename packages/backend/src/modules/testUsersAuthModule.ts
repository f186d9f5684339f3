import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';

const USER_HEADER = 'x-stageline-test-user';

/**
 * Signs in as any catalog user named in a request header: how the end-to-end tests act as the
 * approvers alice and bob, and how the demo's sign-in page (`stageline.demoSignIn.users`) signs
 * in as an example user. Active only when `auth.providers.testUsers` is configured (only
 * app-config.e2e.yaml does) and the backend runs in development, like the guest provider.
 */
const testUsersAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async () => ({ profile: {} }),
  initialize: () => process.env.NODE_ENV === 'development',
  async authenticate({ req }, enabled) {
    if (!enabled) {
      throw new NotAllowedError(
        'The test users provider only works in development',
      );
    }
    const user = req.header(USER_HEADER) ?? '';
    if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(user)) {
      throw new NotAllowedError(`Send the user name in ${USER_HEADER}`);
    }
    return { result: { user } };
  },
});

/** The `testUsers` auth provider for the end-to-end tests and the demo sign-in. */
export const testUsersAuthModule = createBackendModule({
  pluginId: 'auth',
  moduleId: 'stageline-test-users',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        logger: coreServices.logger,
      },
      async init({ providers }) {
        providers.registerProvider({
          providerId: 'testUsers',
          factory: createProxyAuthProviderFactory({
            authenticator: testUsersAuthenticator,
            signInResolver: async ({ result }, ctx) =>
              ctx.signInWithCatalogUser({
                entityRef: `user:default/${result.user}`,
              }),
          }),
        });
      },
    });
  },
});
