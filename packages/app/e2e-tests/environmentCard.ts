import type { Locator, Page } from '@playwright/test';

/** The card of one environment in the Environments tab. */
export const environmentCard = (page: Page, env: string): Locator =>
  page.getByLabel(`Environment ${env}`, { exact: true });
