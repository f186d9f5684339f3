import { expect, Page, test } from '@playwright/test';
import path from 'node:path';

const screenshots = path.join(__dirname, 'screenshots');

async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

test('a Stageline service shows its promotion chain on the Environments tab', async ({
  page,
}) => {
  await signInAsGuest(page);

  await page.getByRole('link', { name: 'checkout', exact: true }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/checkout/);

  // Entity page tabs are links in the new frontend system.
  await page.getByRole('link', { name: 'Environments', exact: true }).click();
  await expect(page).toHaveURL(/\/environments$/);

  const chain = page.getByRole('list', { name: 'Promotion chain' });
  await expect(chain.getByRole('listitem')).toHaveCount(3);
  await expect(chain.getByRole('listitem').nth(0)).toContainText('qa');
  await expect(chain.getByRole('listitem').nth(1)).toContainText('staging');
  await expect(chain.getByRole('listitem').nth(2)).toContainText('production');
  await expect(chain.getByRole('listitem').nth(2)).toContainText('protected');

  // Desired state comes from the embedded example GitOps repository (scripts/lib/seed-examples.js):
  // qa pins checkout's sixth commit, production its second.
  await expect(chain.getByRole('listitem').nth(0)).toContainText(
    'Git: b0dcbef@sha256:',
  );
  await expect(chain.getByRole('listitem').nth(2)).toContainText(
    'Git: 2ae8ea8@sha256:',
  );
  // No cluster is reachable here: each stage says why instead of failing the page.
  await expect(chain.getByRole('alert').first()).toContainText('Cluster:');

  await page.screenshot({
    path: path.join(screenshots, 'environments-tab.png'),
    fullPage: true,
  });
});

test('a component without backstage.io/kubernetes-id has no Environments tab', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/shop-docs');
  await expect(
    page.getByRole('link', { name: 'Overview', exact: true }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Environments', exact: true }),
  ).toHaveCount(0);
});
