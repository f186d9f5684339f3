import {
  type AuthService,
  coreServices,
  createBackendPlugin,
  createServiceFactory,
  type DiscoveryService,
  type PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import {
  AuthorizeResult,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  environmentsApprovePermission,
  environmentsPreviewDeletePermission,
  environmentsPromotePermission,
  environmentsPromoteProtectedPermission,
  environmentsReadPermission,
  environmentsRollbackPermission,
} from '@stageline/plugin-environments-common';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stagelinePermissionPolicyModule } from './stagelinePermissionPolicyModule';

// A whole backend (catalog, permission backend) starts and the catalog processes a file: slower
// than a unit test, and the machine may be busy.
jest.setTimeout(60_000);

// The catalog's database. The default database service leaves SQLite connection pools open
// (their reaper timers kept the Jest worker alive); TestDatabases closes its own after the tests.
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const COMPONENT = 'component:default/checkout';

type Relation = { type: string; targetRef: string };
type StoredEntity = { relations?: Relation[] };

/** The catalog file: checkout owned by `owner`; alice in it, bob in payments, carol releases. */
function catalogFile(owner: string) {
  const entity = (kind: string, name: string, spec: object) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name },
    spec,
  });
  return [
    entity('Component', 'checkout', {
      type: 'service',
      lifecycle: 'production',
      owner,
    }),
    entity('Group', 'team-checkout', { type: 'team', children: [] }),
    entity('Group', 'team-payments', { type: 'team', children: [] }),
    entity('Group', 'release-managers', { type: 'team', children: [] }),
    entity('User', 'alice', { memberOf: ['team-checkout'] }),
    entity('User', 'bob', { memberOf: ['team-payments'] }),
    entity('User', 'carol', { memberOf: ['release-managers'] }),
  ]
    .map(e => JSON.stringify(e)) // JSON is YAML: one document each
    .join('\n---\n');
}

/**
 * The user's ownership entity refs, read from the catalog the way the auth backend's
 * `signInWithCatalogUser` puts them into a user's token: the user and the targets of its
 * `memberOf` relations. The test backend's mock user info would give only the user itself.
 */
const catalogUserInfoFactory = createServiceFactory({
  service: coreServices.userInfo,
  deps: { auth: coreServices.auth, discovery: coreServices.discovery },
  factory: ({ auth, discovery }) => ({
    async getUserInfo(credentials) {
      if (!auth.isPrincipal(credentials, 'user')) {
        throw new Error('User info is only for users');
      }
      const ref = credentials.principal.userEntityRef;
      const user = (await readEntities(auth, discovery, [ref]))[0];
      if (!user) throw new Error(`${ref} is not in the catalog`);
      return {
        userEntityRef: ref,
        ownershipEntityRefs: [ref, ...targets(user, 'memberOf')],
      };
    },
  }),
});

async function readEntities(
  auth: AuthService,
  discovery: DiscoveryService,
  entityRefs: string[],
): Promise<Array<StoredEntity | null>> {
  const { token } = await auth.getPluginRequestToken({
    onBehalfOf: await auth.getOwnServiceCredentials(),
    targetPluginId: 'catalog',
  });
  const response = await fetch(
    `${await discovery.getBaseUrl('catalog')}/entities/by-refs`,
    {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ entityRefs }),
    },
  );
  if (!response.ok) {
    throw new Error(`Catalog answered ${response.status}`);
  }
  return (await response.json()).items;
}

function targets(entity: StoredEntity, type: string): string[] {
  return (entity.relations ?? [])
    .filter(r => r.type === type)
    .map(r => r.targetRef)
    .sort();
}

/**
 * The test backend's mock auth, except that a plugin calling on behalf of a user passes the
 * user on with the plugin as the actor, as the real auth service's tokens do. The catalog's
 * apply-conditions endpoint, which the permission backend calls to resolve a conditional
 * decision, refuses users without an actor; the mock (backend-test-utils 1.11.7) drops it.
 */
const authWithActorFactory = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): AuthService {
    const pluginId = plugin.getId();
    const auth = mockServices.auth({ pluginId });
    return {
      authenticate: (token, options) => auth.authenticate(token, options),
      getNoneCredentials: () => auth.getNoneCredentials(),
      getOwnServiceCredentials: () => auth.getOwnServiceCredentials(),
      isPrincipal: auth.isPrincipal.bind(auth) as AuthService['isPrincipal'],
      getLimitedUserToken: credentials => auth.getLimitedUserToken(credentials),
      listPublicServiceKeys: () => auth.listPublicServiceKeys(),
      async getPluginRequestToken(options) {
        const { onBehalfOf } = options;
        if (!auth.isPrincipal(onBehalfOf, 'user')) {
          return auth.getPluginRequestToken(options);
        }
        const token = mockCredentials.user.token(
          onBehalfOf.principal.userEntityRef,
          { actor: { subject: `plugin:${pluginId}` } },
        );
        return { token };
      },
    };
  },
});

/** A plugin that only keeps its `coreServices.permissions`, as Stageline's backend uses it. */
function permissionsProbe() {
  let captured: PermissionsService | undefined;
  const plugin = createBackendPlugin({
    pluginId: 'probe',
    register(reg) {
      reg.registerInit({
        deps: { permissions: coreServices.permissions },
        async init({ permissions }) {
          captured = permissions;
        },
      });
    },
  });
  return {
    plugin,
    get permissions() {
      if (!captured) throw new Error('The probe plugin has not started');
      return captured;
    },
  };
}

async function eventually(check: () => Promise<boolean>, what: string) {
  const deadline = Date.now() + 45_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

describe('StagelinePermissionPolicy against the real catalog and permission backends', () => {
  let root: string;
  let file: string;
  let baseUrl: string;
  let backend: { stop(): Promise<void> } | undefined;
  const probe = permissionsProbe();

  /** The catalog's stored relations, read over its HTTP API. */
  async function stored(ref: string): Promise<StoredEntity | undefined> {
    const response = await fetch(`${baseUrl}/api/catalog/entities/by-refs`, {
      method: 'POST',
      headers: {
        authorization: mockCredentials.service.header(),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ entityRefs: [ref] }),
    });
    expect(response.status).toBe(200);
    return (await response.json()).items[0] ?? undefined;
  }

  /** Waits until the catalog has processed `ref` and its `type` relations point at `target` only. */
  async function catalogShows(ref: string, type: string, target: string) {
    await eventually(async () => {
      const entity = await stored(ref);
      const found = entity ? targets(entity, type) : [];
      return found.length === 1 && found[0] === target;
    }, `${ref} ${type} ${target} in the catalog`);
  }

  /** The permission service's decision for `user` on the checkout component. */
  async function decide(user: string, permission: ResourcePermission) {
    const [decision] = await probe.permissions.authorize(
      [{ permission, resourceRef: COMPONENT }],
      { credentials: mockCredentials.user(`user:default/${user}`) },
    );
    return decision.result;
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'stageline-policy-'));
    file = join(root, 'catalog.yaml');
    await writeFile(file, catalogFile('group:default/team-checkout'));

    const started = await startTestBackend({
      features: [
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            catalog: {
              rules: [{ allow: ['Component', 'Group', 'User', 'Location'] }],
              locations: [{ type: 'file', target: file }],
            },
          },
        }),
        mockServices.database.factory({
          knex: await databases.init('SQLITE_3'),
        }),
        authWithActorFactory,
        catalogUserInfoFactory,
        catalogPlugin,
        permissionPlugin,
        stagelinePermissionPolicyModule,
        probe.plugin,
      ],
    });
    backend = started;
    baseUrl = `http://localhost:${started.server.port()}`;

    await catalogShows(COMPONENT, 'ownedBy', 'group:default/team-checkout');
    await catalogShows(
      'user:default/alice',
      'memberOf',
      'group:default/team-checkout',
    );
    await catalogShows(
      'user:default/bob',
      'memberOf',
      'group:default/team-payments',
    );
    await catalogShows(
      'user:default/carol',
      'memberOf',
      'group:default/release-managers',
    );
  });

  // Stopped before its catalog file goes.
  afterAll(async () => {
    await backend?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('lets an owner promote to non-protected environments, roll back and delete previews', async () => {
    expect(await decide('alice', environmentsPromotePermission)).toBe(
      AuthorizeResult.ALLOW,
    );
    expect(await decide('alice', environmentsRollbackPermission)).toBe(
      AuthorizeResult.ALLOW,
    );
    expect(await decide('alice', environmentsPreviewDeletePermission)).toBe(
      AuthorizeResult.ALLOW,
    );
  });

  it('keeps an owner out of protected environments and approvals', async () => {
    expect(await decide('alice', environmentsPromoteProtectedPermission)).toBe(
      AuthorizeResult.DENY,
    );
    expect(await decide('alice', environmentsApprovePermission)).toBe(
      AuthorizeResult.DENY,
    );
  });

  it('denies a non-owner promotion, but lets them read', async () => {
    expect(await decide('bob', environmentsPromotePermission)).toBe(
      AuthorizeResult.DENY,
    );
    expect(await decide('bob', environmentsRollbackPermission)).toBe(
      AuthorizeResult.DENY,
    );
    expect(await decide('bob', environmentsReadPermission)).toBe(
      AuthorizeResult.ALLOW,
    );
  });

  it('lets a release manager approve and promote to protected environments', async () => {
    expect(await decide('carol', environmentsApprovePermission)).toBe(
      AuthorizeResult.ALLOW,
    );
    expect(await decide('carol', environmentsPromoteProtectedPermission)).toBe(
      AuthorizeResult.ALLOW,
    );
    expect(await decide('carol', environmentsPromotePermission)).toBe(
      AuthorizeResult.ALLOW,
    );
  });

  // Last: it changes the catalog. The decision follows the owner stored in the catalog.
  it('follows a change of owner in the catalog', async () => {
    await writeFile(file, catalogFile('group:default/team-payments'));
    const refresh = await fetch(`${baseUrl}/api/catalog/refresh`, {
      method: 'POST',
      headers: {
        authorization: mockCredentials.service.header(),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ entityRef: COMPONENT }),
    });
    expect(refresh.status).toBe(200);
    await catalogShows(COMPONENT, 'ownedBy', 'group:default/team-payments');

    expect(await decide('alice', environmentsPromotePermission)).toBe(
      AuthorizeResult.DENY,
    );
    expect(await decide('bob', environmentsPromotePermission)).toBe(
      AuthorizeResult.ALLOW,
    );
  });
});
