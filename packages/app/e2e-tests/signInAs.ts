import { expect, Page } from '@playwright/test';

/**
 * Signs the browser in as an example user from the demo sign-in page (only with
 * `stageline.demoSignIn.users`, as app-config.e2e.yaml sets) and checks who is signed in.
 */
export async function signInAs(page: Page, user: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: `Sign in as ${user}` }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
  await page.goto('/settings');
  await expect(page.getByText(`user:default/${user}`).first()).toBeVisible();
}
