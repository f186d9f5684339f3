import { mockCredentials } from '@backstage/backend-test-utils';
import {
  environmentsApprovePermission,
  environmentsReadPermission,
} from '@stageline/plugin-environments-common';
import { lackingInBatches, PERMISSION_BATCH } from './lackingInBatches';

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
      { lackingOn },
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
      { lackingOn },
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
        { lackingOn },
        [],
        [environmentsReadPermission],
        mockCredentials.user(),
      ),
    ).toEqual(new Set());
    expect(lackingOn).not.toHaveBeenCalled();
  });
});
