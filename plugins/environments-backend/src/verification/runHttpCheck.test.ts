import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startHealthServer } from './__testUtils__/healthServer';
import { runHttpCheck } from './runHttpCheck';

const now = () => new Date('2026-11-20T12:00:00Z');
const check = {
  path: '/health',
  expectedStatus: 200,
  timeoutMs: 1_000,
  intervalMs: 30_000,
};

describe('runHttpCheck', () => {
  it('passes on the expected status and fails once the server turns unhealthy', async () => {
    const server = await startHealthServer();
    try {
      expect(
        await runHttpCheck({ baseUrl: server.url, check, now }),
      ).toMatchObject({
        check: 'GET /health',
        passed: true,
        reason: expect.stringMatching(/\/health answered 200 in \d+ms$/),
        at: '2026-11-20T12:00:00.000Z',
      });
      server.turnUnhealthy();
      expect(
        await runHttpCheck({ baseUrl: server.url, check, now }),
      ).toMatchObject({
        passed: false,
        reason: expect.stringMatching(/answered 503 in \d+ms, expected 200$/),
      });
    } finally {
      await server.close();
    }
  });

  it('appends the path to the base URL path', async () => {
    const server = await startHealthServer();
    try {
      const result = await runHttpCheck({
        baseUrl: `${server.url}/shop/`,
        check,
        now,
      });
      expect(server.requests).toEqual(['/shop/health']);
      expect(result.reason).toMatch(/answered 404/);
    } finally {
      await server.close();
    }
  });

  it('fails when the server answers too late or not at all', async () => {
    // Never answers: the connection is closed when the server closes.
    const slow = createServer(() => {});
    await new Promise<void>(resolve => slow.listen(0, '127.0.0.1', resolve));
    const { port } = slow.address() as AddressInfo;
    try {
      expect(
        await runHttpCheck({
          baseUrl: `http://127.0.0.1:${port}`,
          check: { ...check, timeoutMs: 200 },
          now,
        }),
      ).toMatchObject({
        passed: false,
        reason: `http://127.0.0.1:${port}/health gave no answer within 200ms`,
      });
    } finally {
      slow.closeAllConnections();
      await new Promise(resolve => slow.close(resolve));
    }
    expect(
      await runHttpCheck({
        baseUrl: `http://127.0.0.1:${port}`,
        check,
        now,
      }),
    ).toMatchObject({
      passed: false,
      reason: expect.stringMatching(/could not be reached: .*ECONNREFUSED/),
    });
  });
});
