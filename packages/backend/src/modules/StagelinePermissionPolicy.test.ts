import type {
  BackstageUserPrincipal,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  environmentsApprovePermission,
  environmentsPreviewDeletePermission,
  environmentsPromotePermission,
  environmentsPromoteBreakGlassPermission,
  environmentsPromoteProtectedPermission,
  environmentsReadPermission,
  environmentsRollbackPermission,
} from '@stageline/plugin-environments-common';
import { StagelinePermissionPolicy } from './StagelinePermissionPolicy';

const groups: Record<string, string[]> = {
  'user:default/dana': ['group:default/team-checkout'],
  'user:default/alice': ['group:default/release-managers'],
};

// Answers as the auth backend does from the user's token: the user and their groups.
const userInfo: UserInfoService = {
  async getUserInfo(credentials) {
    const ref = (credentials.principal as BackstageUserPrincipal).userEntityRef;
    return {
      userEntityRef: ref,
      ownershipEntityRefs: [ref, ...(groups[ref] ?? [])],
    };
  },
};

const policy = new StagelinePermissionPolicy({
  releaseGroup: 'group:default/release-managers',
  userInfo,
});

// The permission backend still fills in the user's info next to the credentials.
async function user(name: string): Promise<PolicyQueryUser> {
  const credentials = mockCredentials.user(`user:default/${name}`);
  return { credentials, info: await userInfo.getUserInfo(credentials) };
}

let owner: PolicyQueryUser;
let releaseManager: PolicyQueryUser;

beforeAll(async () => {
  owner = await user('dana');
  releaseManager = await user('alice');
});

describe('StagelinePermissionPolicy', () => {
  it('lets everyone read environments', async () => {
    expect(
      await policy.handle({ permission: environmentsReadPermission }, owner),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it.each([
    environmentsPromotePermission,
    environmentsRollbackPermission,
    environmentsPreviewDeletePermission,
  ])(
    'gives $name to the owners of the entity, as a catalog condition',
    async permission => {
      expect(await policy.handle({ permission }, owner)).toMatchObject({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          rule: 'IS_ENTITY_OWNER',
          params: {
            claims: ['user:default/dana', 'group:default/team-checkout'],
          },
        },
      });
    },
  );

  it.each([
    environmentsPromoteProtectedPermission,
    environmentsPromoteBreakGlassPermission,
    environmentsApprovePermission,
  ])('gives $name to the release group only', async permission => {
    expect(await policy.handle({ permission }, owner)).toEqual({
      result: AuthorizeResult.DENY,
    });
    expect(await policy.handle({ permission }, releaseManager)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('denies promotion to a caller without a user', async () => {
    expect(
      await policy.handle({ permission: environmentsApprovePermission }),
    ).toEqual({ result: AuthorizeResult.DENY });
  });
});
