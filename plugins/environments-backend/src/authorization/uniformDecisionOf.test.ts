import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  environmentsApprovePermission,
  environmentsReadPermission,
} from '@stageline/plugin-environments-common';
import { uniformDecisionOf } from './uniformDecisionOf';

const credentials = mockCredentials.user();

/** A permission service whose conditional decisions are `results`, in order. */
function answering(...results: Array<Record<string, unknown> | undefined>) {
  const permissions = mockServices.permissions.mock();
  permissions.authorizeConditional.mockResolvedValue(results as any);
  return permissions;
}

describe('uniformDecisionOf', () => {
  it('allows every entity only when each permission is an unconditional ALLOW', async () => {
    const both = [environmentsReadPermission, environmentsApprovePermission];
    const allowing = answering(
      { result: AuthorizeResult.ALLOW },
      { result: AuthorizeResult.ALLOW },
    );
    expect(await uniformDecisionOf(allowing, both, credentials)).toBe('allow');
    // Asked without a resource, with the caller's credentials.
    expect(allowing.authorizeConditional).toHaveBeenCalledWith(
      [
        { permission: environmentsReadPermission },
        { permission: environmentsApprovePermission },
      ],
      { credentials },
    );
    const conditional = answering(
      { result: AuthorizeResult.ALLOW },
      {
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: { rule: 'IS_ENTITY_OWNER', params: { claims: [] } },
      },
    );
    expect(await uniformDecisionOf(conditional, both, credentials)).toBe(
      undefined,
    );
  });

  it('denies every entity when any permission is an unconditional DENY', async () => {
    const denying = answering(
      {
        result: AuthorizeResult.CONDITIONAL,
        conditions: { rule: 'IS_ENTITY_OWNER', params: { claims: [] } },
      },
      { result: AuthorizeResult.DENY },
    );
    expect(
      await uniformDecisionOf(
        denying,
        [environmentsReadPermission, environmentsApprovePermission],
        credentials,
      ),
    ).toBe('deny');
  });

  it('leaves it to per-entity checks when the answer is missing, short or failed', async () => {
    const read = [environmentsReadPermission];
    expect(await uniformDecisionOf(answering(), read, credentials)).toBe(
      undefined,
    );
    const nothing = mockServices.permissions.mock();
    expect(await uniformDecisionOf(nothing, read, credentials)).toBe(undefined);
    const failing = mockServices.permissions.mock();
    failing.authorizeConditional.mockRejectedValue(new Error('unreachable'));
    expect(await uniformDecisionOf(failing, read, credentials)).toBe(undefined);
  });
});
