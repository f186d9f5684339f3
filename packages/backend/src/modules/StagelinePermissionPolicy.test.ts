import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  environmentsApprovePermission,
  environmentsPreviewDeletePermission,
  environmentsPromotePermission,
  environmentsPromoteProtectedPermission,
  environmentsReadPermission,
  environmentsRollbackPermission,
} from '@stageline/plugin-environments-common';
import { StagelinePermissionPolicy } from './StagelinePermissionPolicy';

const policy = new StagelinePermissionPolicy({
  releaseGroup: 'group:default/release-managers',
});

function user(name: string, groups: string[]): PolicyQueryUser {
  const ref = `user:default/${name}`;
  return {
    credentials: mockCredentials.user(ref),
    info: { userEntityRef: ref, ownershipEntityRefs: [ref, ...groups] },
  };
}

const owner = user('dana', ['group:default/team-checkout']);
const releaseManager = user('alice', ['group:default/release-managers']);

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
