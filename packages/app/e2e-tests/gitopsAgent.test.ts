import { expect, test } from '@playwright/test';
import { CHECKOUT } from './CHECKOUT';
import { environmentCard as card } from './environmentCard';
import { keepMainAsFound } from './keepMainAsFound';
import { mainRevision } from './mainRevision';
import { openCheckoutEnvironments } from './openCheckoutEnvironments';
import { overlayImage } from './overlayImage';
import { promoteByApi } from './promoteByApi';
import { promotionCommits } from './promotionCommits';
import { readMainFile } from './readMainFile';
import { recordAgentStates } from './recordAgentStates';
import { WIDE_VIEWPORT } from './WIDE_VIEWPORT';

// The demo cluster plays one Argo CD Application per service and environment
// (packages/kubernetes-stand-in/src/demo/DemoApplications.ts): out of sync for about 2 s after
// Git moves, then synced at the new revision, and only then does it roll the workloads out.

const agentOf = (page: Parameters<typeof card>[0], env: string) =>
  card(page, env).getByRole('group', { name: 'GitOps agent' });

test.use({ viewport: WIDE_VIEWPORT });
test.setTimeout(180_000);

keepMainAsFound();

test("each environment card shows its Argo CD Application, synced at main's revision", async ({
  page,
}) => {
  const tip = mainRevision().slice(0, 7);
  await openCheckoutEnvironments(page);
  for (const env of ['qa', 'staging', 'production']) {
    const agent = agentOf(page, env);
    await expect(agent).toContainText('Argo CD:');
    await expect(agent).toContainText(`argocd/checkout-${env}`);
    await expect(agent.getByLabel('Agent sync')).toHaveText('Synced');
    await expect(agent).toContainText('Healthy');
    await expect(agent).toContainText(`applied ${tip}`);
  }
});

test('a promotion waits for Argo CD to apply its commit before staging rolls out, and the card shows the commit applied', async ({
  page,
}) => {
  const before = mainRevision().slice(0, 7);
  const qaImage = overlayImage(readMainFile(CHECKOUT.overlay('qa')));
  const states = recordAgentStates('staging');
  const promotion = await promoteByApi(
    'staging',
    `e2e: agent sync (${Date.now()})`,
  ).finally(() => states.stop());
  const seen = await states.stop();
  const [commit] = promotionCommits(promotion.id);
  const after = commit.sha.slice(0, 7);
  const described = JSON.stringify(seen);

  // Git moved: the Application is out of sync, still at the old revision, and the workloads
  // have not started rolling out yet.
  const waiting = seen.findIndex(s => s.agent === `out-of-sync ${before}`);
  expect(waiting, described).toBeGreaterThan(-1);
  // Then it applied the promotion's commit, and the rollout followed.
  const applied = seen.findIndex(s => s.agent === `synced ${after}`);
  expect(applied, described).toBeGreaterThan(waiting);
  expect(
    seen.slice(0, applied).some(s => s.sync === 'rolling-out'),
    described,
  ).toBe(false);
  expect(seen[seen.length - 1], described).toEqual({
    agent: `synced ${after}`,
    sync: 'in-sync',
  });

  await openCheckoutEnvironments(page);
  const agent = agentOf(page, 'staging');
  await expect(agent.getByLabel('Agent sync')).toHaveText('Synced');
  await expect(agent).toContainText(`applied ${after}`);
  await expect(card(page, 'staging').getByLabel('Live version')).toContainText(
    qaImage.newTag!.slice(0, 7),
  );
});
