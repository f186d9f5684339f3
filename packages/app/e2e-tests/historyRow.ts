import type { Locator, Page } from '@playwright/test';

/** The history table's row of the promotion that wrote `commitSha`. */
export function historyRow(page: Page, commitSha: string): Locator {
  return page
    .getByRole('table', { name: 'Promotion history' })
    .getByRole('row')
    .filter({ hasText: `commit ${commitSha.slice(0, 7)}` });
}
