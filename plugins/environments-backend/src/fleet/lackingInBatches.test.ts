import { mockCredentials } from '@backstage/backend-test-utils';
import {
  environmentsApprovePermission,
  environmentsReadPermission,
} from '@stageline/plugin-environments-common';
import { lackingInBatches, PERMISSION_BATCH } from './lackingInBatches';

// The policy's answer depends on the entity: every entity is asked about.
const perEntity = jest.fn(async () => undefined);

describe('lackingInBatches', () => {
  it('asks in batches of at most PERMISSION_BATCH and joins the refusals', async () => {
    const refs = Array.from(
      { length: 2 * PERMISSION_BATCH + 1 },
      (_, i) => `component:default/svc-${i}`,
    );
    const lackingOn = jest.fn(async (batch: string[]) =>
      batch.filter(ref => ref.endsWith('0')),
    );
    const lacking = await lackingInBatches(
      { lackingOn, uniformDecision: perEntity },
      refs,
      [environmentsReadPermission],
      mockCredentials.user(),
    );
    expect(lackingOn.mock.calls.map(([batch]) => batch.length)).toEqual([
      PERMISSION_BATCH,
      PERMISSION_BATCH,
      1,
    ]);
    expect(lacking).toEqual(new Set(refs.filter(ref => ref.endsWith('0'))));
    expect(lacking.size).toBe(41);
  });

  it('counts decisions, not entities: two permissions halve a batch', async () => {
    const refs = Array.from(
      { length: PERMISSION_BATCH },
      (_, i) => `component:default/svc-${i}`,
    );
    const lackingOn = jest.fn(async (_batch: string[]) => [] as string[]);
    await lackingInBatches(
      { lackingOn, uniformDecision: perEntity },
      refs,
      [environmentsReadPermission, environmentsApprovePermission],
      mockCredentials.user(),
    );
    expect(lackingOn.mock.calls.map(([batch]) => batch.length)).toEqual([
      PERMISSION_BATCH / 2,
      PERMISSION_BATCH / 2,
    ]);
  });

  it('asks nothing for no entities', async () => {
    const lackingOn = jest.fn();
    expect(
      await lackingInBatches(
        { lackingOn, uniformDecision: perEntity },
        [],
        [environmentsReadPermission],
        mockCredentials.user(),
      ),
    ).toEqual(new Set());
    expect(lackingOn).not.toHaveBeenCalled();
  });

  it('asks once, not per entity, when the policy allows or denies the permission outright', async () => {
    const refs = Array.from(
      { length: 5 * PERMISSION_BATCH },
      (_, i) => `component:default/svc-${i}`,
    );
    const lackingOn = jest.fn(async (_batch: string[]) => [] as string[]);
    const allowing = jest.fn(async () => 'allow' as const);
    const credentials = mockCredentials.user();
    expect(
      await lackingInBatches(
        { lackingOn, uniformDecision: allowing },
        refs,
        [environmentsReadPermission],
        credentials,
      ),
    ).toEqual(new Set());
    expect(allowing).toHaveBeenCalledWith(
      [environmentsReadPermission],
      credentials,
    );
    const denying = jest.fn(async () => 'deny' as const);
    expect(
      await lackingInBatches(
        { lackingOn, uniformDecision: denying },
        refs,
        [environmentsReadPermission],
        credentials,
      ),
    ).toEqual(new Set(refs));
    expect(lackingOn).not.toHaveBeenCalled();
  });
});
