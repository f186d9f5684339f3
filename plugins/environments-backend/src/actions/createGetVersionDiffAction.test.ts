import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { storeTestDatabases } from '../database/__testUtils__/storeTestDatabases';
import {
  ALICE,
  BOB,
  promotionWorld,
} from '../promotions/__testUtils__/promotionWorld';
import { CallerBudget } from '../authorization/CallerBudget';
import { TooManyRequestsError } from '../authorization/TooManyRequestsError';
import { createGetVersionDiffAction } from './createGetVersionDiffAction';

jest.setTimeout(60_000);
const databases = storeTestDatabases();
const input = {
  entityRef: 'component:default/checkout',
  from: 'a'.repeat(40),
  to: 'b'.repeat(40),
};

describe('get-version-diff action', () => {
  let githubReads: CallerBudget;
  afterEach(() => githubReads.shutdown());

  it('refuses a caller past the per-caller GitHub budget, before calling GitHub, not others', async () => {
    const w = await promotionWorld(databases, 'SQLITE_3');
    const compare = jest.spyOn(w.repo, 'compare');
    const actionsRegistry = actionsRegistryServiceMock();
    githubReads = new CallerBudget({ limit: 1, windowMs: 60_000 });
    createGetVersionDiffAction({
      actionsRegistry,
      authorization: w.deps.authorization,
      environments: w.deps.environments,
      githubReads,
    });
    const invoke = (credentials: typeof ALICE) =>
      actionsRegistry.invoke({
        id: 'test:get-version-diff',
        input,
        credentials,
      });

    await invoke(ALICE);
    const refused = await invoke(ALICE).catch(e => e);
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    expect(refused).toMatchObject({
      statusCode: 429,
      retryAfterSeconds: expect.any(Number),
    });
    expect(compare).toHaveBeenCalledTimes(1);
    await expect(invoke(BOB)).resolves.toMatchObject({
      output: { commits: [] },
    });
  });
});
