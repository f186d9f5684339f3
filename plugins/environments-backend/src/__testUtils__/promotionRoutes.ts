import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  mockErrorHandler,
  mockServices,
  type TestDatabases,
} from '@backstage/backend-test-utils';
import express from 'express';
import {
  ALICE,
  promotionWorld,
} from '../promotions/__testUtils__/promotionWorld';

import { createRouter } from '../router';
import { CallerBudget } from '../authorization/CallerBudget';

type PromotionWorld = Awaited<ReturnType<typeof promotionWorld>>;
// The router's own option type, so these test routes need nothing from the previews folder.
type PreviewsOption = Parameters<typeof createRouter>[0]['previews'];

/**
 * The router over a promotion world on SQLite. By default previews are not wired and the GitHub
 * budget is too large to matter; `wiring` supplies either. The app trusts `X-Forwarded-For`, as
 * behind Backstage's proxy. `as` switches the caller; call `close` after the test.
 */
export async function promotionRoutes(
  databases: TestDatabases,
  options: Parameters<typeof promotionWorld>[2] = {},
  wiring: {
    githubReads?: CallerBudget;
    previews?: (world: PromotionWorld) => PreviewsOption;
  } = {},
) {
  const w = await promotionWorld(databases, 'SQLITE_3', options);
  let credentials: BackstageCredentials = ALICE;
  const githubReads =
    wiring.githubReads ?? new CallerBudget({ limit: 10_000, windowMs: 60_000 });
  const router = await createRouter({
    httpAuth: mockServices.httpAuth.mock({
      credentials: jest.fn(async () => credentials) as any,
    }),
    authorization: w.deps.authorization,
    environments: w.deps.environments,
    view: w.view,
    promotions: w.service,
    previews: wiring.previews?.(w) ?? ({} as PreviewsOption),
    githubReads,
  });
  const app = express()
    .set('trust proxy', true)
    .use(router)
    .use(mockErrorHandler());
  return {
    ...w,
    app,
    as: (c: BackstageCredentials) => {
      credentials = c;
    },
    close: () => githubReads.shutdown(),
  };
}
