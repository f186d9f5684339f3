import { mockApis, registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { EnvironmentsClient } from './EnvironmentsClient';

describe('EnvironmentsClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new EnvironmentsClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage.test' }),
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });

  it('reads the chain of an entity from the backend', async () => {
    server.use(
      http.get(
        'http://backstage.test/api/environments/entities/Component/default/checkout/environments',
        () =>
          HttpResponse.json({
            entityRef: 'component:default/checkout',
            chain: 'default',
            environments: [],
          }),
      ),
    );
    await expect(
      client.getEnvironments({
        kind: 'Component',
        namespace: 'default',
        name: 'checkout',
      }),
    ).resolves.toEqual(expect.objectContaining({ chain: 'default' }));
  });

  it('turns an error response into a ResponseError carrying status and server message', async () => {
    server.use(
      http.get('http://backstage.test/api/environments/*', () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'no read for you' },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await expect(
      client.getEnvironments({
        kind: 'Component',
        namespace: 'default',
        name: 'checkout',
      }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
      body: { error: { name: 'NotAllowedError', message: 'no read for you' } },
    });
  });

  const entity = { kind: 'Component', namespace: 'default', name: 'my app' };
  const entityBase =
    'http://backstage.test/api/environments/entities/Component/default/my%20app';

  it('posts a promotion request as JSON to the entity, URL-encoding its name', async () => {
    let received: unknown;
    server.use(
      http.post(`${entityBase}/promotions`, async ({ request }) => {
        received = await request.json();
        return HttpResponse.json(
          { id: 'p1', state: 'requested' },
          { status: 201 },
        );
      }),
    );
    const request = { target: 'staging', version: 'abc', idempotencyKey: 'k1' };
    await expect(
      client.requestPromotion(entity, request),
    ).resolves.toMatchObject({
      id: 'p1',
    });
    expect(received).toEqual(request);
  });

  it('asks for the diff between two versions in the query string', async () => {
    let query: URLSearchParams | undefined;
    server.use(
      http.get(`${entityBase}/diff`, ({ request }) => {
        query = new URL(request.url).searchParams;
        return HttpResponse.json({ commits: [], truncated: false });
      }),
    );
    await client.getDiff(entity, { from: 'r/a:1@sha256:x', to: 'r/a:2' });
    expect(query?.get('from')).toBe('r/a:1@sha256:x');
    expect(query?.get('to')).toBe('r/a:2');
  });

  it('approves, cancels and reads a promotion by its encoded id', async () => {
    const calls: string[] = [];
    server.use(
      http.post(
        'http://backstage.test/api/environments/promotions/:id/:action',
        async ({ request, params }) => {
          calls.push(`${params.action} ${params.id} ${await request.text()}`);
          return HttpResponse.json({ id: params.id });
        },
      ),
      http.get(
        'http://backstage.test/api/environments/promotions/:id',
        ({ params }) => HttpResponse.json({ id: params.id, events: [] }),
      ),
    );
    await client.decideApproval('a/b', {
      decision: 'reject',
      comment: 'no',
      version: 'r/a:2',
      targetBase: null,
    });
    await client.cancelPromotion('p2');
    await client.acknowledgeBreakGlass('p/4');
    await expect(client.getPromotion('p3')).resolves.toEqual({
      id: 'p3',
      events: [],
    });
    expect(calls).toEqual([
      'approvals a/b {"decision":"reject","comment":"no","version":"r/a:2","targetBase":null}',
      'cancel p2 {}',
      'acknowledge p/4 {}',
    ]);
  });

  it('lists the entity’s unacknowledged break-glass promotions', async () => {
    server.use(
      http.get(`${entityBase}/breakglass`, () =>
        HttpResponse.json({
          entityRef: 'component:default/my app',
          promotions: [{ id: 'p7' }],
        }),
      ),
    );
    await expect(
      client.getUnacknowledgedBreakGlass(entity),
    ).resolves.toMatchObject({ promotions: [{ id: 'p7' }] });
  });

  it('reads older pages of promotion events with the cursor and page size', async () => {
    const urls: URL[] = [];
    server.use(
      http.get(
        'http://backstage.test/api/environments/promotions/:id/events',
        ({ request }) => {
          urls.push(new URL(request.url));
          return HttpResponse.json({ events: [], olderEventsCursor: '7' });
        },
      ),
    );
    await expect(
      client.getPromotionEvents('p/1', { before: '42', limit: 20 }),
    ).resolves.toEqual({ events: [], olderEventsCursor: '7' });
    await client.getPromotionEvents('p2');
    expect(urls.map(u => `${u.pathname}${u.search}`)).toEqual([
      '/api/environments/promotions/p%2F1/events?before=42&limit=20',
      '/api/environments/promotions/p2/events',
    ]);
  });

  it('keeps, extends and deletes a preview by namespace', async () => {
    const calls: string[] = [];
    const preview = `${entityBase}/previews/feature-pr-7`;
    server.use(
      http.post(`${preview}/:action`, async ({ request, params }) => {
        calls.push(`${params.action} ${await request.text()}`);
        return HttpResponse.json({ namespace: 'feature-pr-7' });
      }),
      http.delete(preview, () => {
        calls.push('delete');
        return new HttpResponse(null, { status: 204 });
      }),
    );
    await client.keepPreview(entity, 'feature-pr-7', true);
    await client.extendPreview(entity, 'feature-pr-7', '24h');
    await expect(
      client.deletePreview(entity, 'feature-pr-7'),
    ).resolves.toBeUndefined();
    expect(calls).toEqual([
      'keep {"keep":true}',
      'extend {"by":"24h"}',
      'delete',
    ]);
  });

  it('surfaces the server message of a 409 from a promotion request', async () => {
    server.use(
      http.post(`${entityBase}/promotions`, () =>
        HttpResponse.json(
          {
            error: { name: 'ConflictError', message: 'soak time: 34m left' },
            response: { statusCode: 409 },
          },
          { status: 409 },
        ),
      ),
    );
    await expect(
      client.requestPromotion(entity, { target: 'staging' }),
    ).rejects.toMatchObject({
      statusCode: 409,
      body: { error: { message: 'soak time: 34m left' } },
    });
  });
});
