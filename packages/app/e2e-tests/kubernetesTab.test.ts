import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signInAsGuest';
import { WIDE_VIEWPORT } from './WIDE_VIEWPORT';

// Backstage's own Kubernetes tab reads the demo cluster through the same cluster config as
// Stageline (app-config.e2e.yaml: kubernetes.clusterLocatorMethods).

test.use({ viewport: WIDE_VIEWPORT });

test("checkout's Kubernetes tab lists its deployments and their pods on the demo cluster", async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/checkout');
  await page.getByRole('link', { name: 'Kubernetes', exact: true }).click();
  await expect(page).toHaveURL(/\/kubernetes$/);

  await page.getByRole('button', { name: 'local Cluster' }).click();
  for (const namespace of ['qa', 'staging', 'production']) {
    await expect(
      page
        .getByRole('button', {
          name: `checkout Deployment namespace: ${namespace}`,
        })
        .first(),
    ).toBeVisible();
  }
  await expect(
    page.getByText('No resources on any known clusters'),
  ).toHaveCount(0);

  // Production runs three replicas: its Deployment lists its three pods, running.
  await page
    .getByRole('button', { name: 'checkout Deployment namespace: production' })
    .first()
    .click();
  const pods = page
    .getByRole('table')
    .filter({ has: page.getByRole('columnheader', { name: 'phase' }) })
    .getByRole('row')
    .filter({ hasText: /^checkout-/ });
  await expect(pods).toHaveCount(3);
  for (const pod of await pods.all()) {
    await expect(pod).toContainText('Running');
  }
});
