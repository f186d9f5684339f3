// What the adopter sees once the app runs: the environments route answering for the annotated
// entity with Git and cluster state, and the Environments tab on its page in Chromium.
const { chromium } = require('@playwright/test');

const ENTITY_PATH = 'component/default/checkout';
const ENVIRONMENTS = ['qa', 'staging', 'production'];

async function guestToken(backendUrl) {
  const res = await fetch(
    `${backendUrl}/api/auth/guest/refresh?env=development`,
    {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    },
  );
  if (!res.ok) throw new Error(`guest sign-in answered ${res.status}`);
  return (await res.json()).backstageIdentity.token;
}

async function checkEnvironmentsRoute(app) {
  const token = await guestToken(app.backendUrl);
  const url = `${app.backendUrl}/api/environments/entities/${ENTITY_PATH}/environments`;
  // The catalog reads examples/entities.yaml shortly after start.
  let body;
  const deadline = Date.now() + 120_000;
  for (;;) {
    const res = await fetch(url, {
      headers: { Authorization: `Bearer ${token}` },
    });
    body = await res.json();
    if (res.ok && body.environments.every(env => env.live)) break;
    if (Date.now() > deadline) {
      throw new Error(
        `${url} answered ${res.status}: ${JSON.stringify(body).slice(0, 2000)}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
  const names = body.environments.map(env => env.name);
  if (names.join() !== ENVIRONMENTS.join()) {
    throw new Error(`expected the default chain, got ${names.join(', ')}`);
  }
  for (const env of body.environments) {
    if (!env.desired?.image?.tag || !env.live.image?.tag) {
      throw new Error(
        `${env.name}: no desired or live version: ${JSON.stringify(env)}`,
      );
    }
  }
  console.log(
    `[adopter] ${body.entityRef}: ${body.environments
      .map(
        env =>
          `${env.name} ${env.live.image.tag.slice(0, 7)} ${env.sync.status}`,
      )
      .join(', ')}`,
  );
}

async function checkEnvironmentsTab(app) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
    });
    page.setDefaultTimeout(60_000);
    // Feature discovery alone added the tab: the app's code names no Stageline extension, so
    // the tab's address only answers with the chain when discovery installed it. The sign-in
    // page stands in for any address, so signing in there leaves no race with a second load.
    await page.goto(
      `${app.frontendUrl}/catalog/default/component/checkout/environments`,
    );
    await page.getByRole('button', { name: 'Enter' }).click();
    try {
      for (const env of ENVIRONMENTS) {
        await page
          .getByRole('heading', { name: env, exact: true })
          .first()
          .waitFor();
      }
    } catch (error) {
      const text = await page.locator('body').innerText();
      console.error(
        `[adopter] ${page.url()} shows: ${text
          .replace(/\s+/g, ' ')
          .slice(0, 1500)}`,
      );
      throw error;
    }
  } finally {
    await browser.close();
  }
}

module.exports = { checkEnvironmentsRoute, checkEnvironmentsTab };
