import { DemoHealthEndpoints } from './DemoHealthEndpoints';
import { demoTargets } from './demoTargets';

describe('DemoHealthEndpoints', () => {
  let endpoints: DemoHealthEndpoints;

  beforeEach(async () => {
    endpoints = await DemoHealthEndpoints.start(0, demoTargets());
  });

  afterEach(() => endpoints.stop());

  const get = async (path: string) => {
    const res = await fetch(`${endpoints.url}${path}`);
    return `${res.status} ${(await res.text()).trim()}`;
  };
  const put = async (path: string, body: string) => {
    const res = await fetch(`${endpoints.url}${path}`, {
      method: 'PUT',
      body,
    });
    return `${res.status} ${(await res.text()).trim()}`;
  };

  it('answers 200 for every demo service and environment at first', async () => {
    for (const target of demoTargets()) {
      expect(await get(`/${target.service}/${target.namespace}/health`)).toBe(
        '200 healthy',
      );
    }
  });

  it('answers 503 for the one made unhealthy, and 200 again once healthy', async () => {
    expect(await put('/payments/staging/health', 'unhealthy')).toBe(
      '200 unhealthy',
    );
    expect(await get('/payments/staging/health')).toBe('503 unhealthy');
    expect(await get('/payments/qa/health')).toBe('200 healthy');
    expect(await get('/checkout/staging/health')).toBe('200 healthy');
    expect(await put('/payments/staging/health', 'healthy\n')).toBe(
      '200 healthy',
    );
    expect(await get('/payments/staging/health')).toBe('200 healthy');
  });

  it('refuses unknown targets, other bodies and other methods, changing nothing', async () => {
    expect(await get('/billing/staging/health')).toMatch(/^404 /);
    expect(await get('/payments/staging')).toMatch(/^404 /);
    expect(await put('/payments/staging/health', 'down')).toMatch(/^400 /);
    const res = await fetch(`${endpoints.url}/payments/staging/health`, {
      method: 'DELETE',
    });
    expect(res.status).toBe(405);
    expect(await get('/payments/staging/health')).toBe('200 healthy');
  });
});
