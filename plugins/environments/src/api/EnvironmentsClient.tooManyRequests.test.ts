import { mockApis, registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { errorMessage } from '../util/errorMessage';
import { EnvironmentsClient } from './EnvironmentsClient';

const checkout = { kind: 'Component', namespace: 'default', name: 'checkout' };

describe('EnvironmentsClient on a 429', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const client = new EnvironmentsClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage.test' }),
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });

  it.each([
    ['the diff', () => client.getDiff(checkout, { from: 'a', to: 'b' })],
    ['the previews', () => client.getPreviews(checkout)],
  ])('keeps Retry-After on the error for %s', async (_name, call) => {
    server.use(
      http.get('http://backstage.test/api/environments/*', () =>
        HttpResponse.json(
          {
            error: {
              name: 'TooManyRequestsError',
              message: 'Too many requests; try again in 59 s',
            },
            response: { statusCode: 429 },
          },
          { status: 429, headers: { 'Retry-After': '42' } },
        ),
      ),
    );
    const error = await call().catch(e => e);
    expect(error).toMatchObject({ name: 'ResponseError', statusCode: 429 });
    expect(errorMessage(error)).toBe('Too many requests; try again in 42 s');
  });
});
