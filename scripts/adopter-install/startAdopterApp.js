// `yarn start` in the adopter's app: its frontend dev server and backend, as a developer runs them.
const { start, waitFor } = require('./processes');
const { FRONTEND_PORT, BACKEND_PORT } = require('./createAdopterApp');

async function startAdopterApp(appDir) {
  const app = start('yarn', ['start'], { cwd: appDir });
  const backendUrl = `http://localhost:${BACKEND_PORT}`;
  const frontendUrl = `http://localhost:${FRONTEND_PORT}`;
  await waitFor(
    'the backend with the environments plugin',
    async () => (await fetch(`${backendUrl}/api/environments/health`)).ok,
    240_000,
    app,
  );
  await waitFor(
    'the frontend dev server',
    async () => (await fetch(frontendUrl)).ok,
    240_000,
    app,
  );
  return { backendUrl, frontendUrl, output: app.output };
}

module.exports = { startAdopterApp };
