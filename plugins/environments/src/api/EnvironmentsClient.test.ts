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
});
