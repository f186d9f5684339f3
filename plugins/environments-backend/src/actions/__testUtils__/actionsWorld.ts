import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { TestDatabases } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import {
  ALICE,
  promotionWorld,
  REF,
} from '../../promotions/__testUtils__/promotionWorld';
import { CallerBudget } from '../../authorization/CallerBudget';
import { registerActions } from '../registerActions';

/**
 * The promotion world with Stageline's actions registered on a mock actions registry, on SQLite.
 * `denied` names the permissions the policy refuses.
 */
export async function actionsWorld(
  databases: TestDatabases,
  denied: string[] = [],
) {
  const w = await promotionWorld(databases, 'SQLITE_3', { denied });
  const actionsRegistry = actionsRegistryServiceMock();
  registerActions({
    actionsRegistry,
    authorization: w.deps.authorization,
    environments: w.deps.environments,
    view: w.view,
    promotions: w.service,
    githubReads: new CallerBudget({ limit: 1000, windowMs: 60_000 }),
  });
  /** Invokes one of the registered actions, as Alice unless told otherwise. */
  const invoke = (
    id: string,
    input: object,
    credentials: BackstageCredentials = ALICE,
  ) => actionsRegistry.invoke({ id: `test:${id}`, input, credentials });
  /** qa's version promoted into staging and run there. */
  async function promoteToStaging(tag: string) {
    w.declares('qa', tag);
    w.runs('qa', tag);
    const { promotion } = await w.service.request(
      REF,
      { target: 'staging' },
      { credentials: ALICE },
    );
    await w.engine.idle();
    w.runs('staging', tag);
    await w.engine.advanceAll();
    expect((await w.store.get(promotion.id))?.state).toBe('succeeded');
  }
  return { ...w, actionsRegistry, invoke, promoteToStaging };
}
