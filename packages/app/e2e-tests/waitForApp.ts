// Playwright waits for its own servers; an app at PLAYWRIGHT_URL may still be starting, so wait
// for it too (bounded).
export default async function waitForApp(): Promise<void> {
  const url = process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000';
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(`The app did not answer at ${url} within 240 s`);
}
