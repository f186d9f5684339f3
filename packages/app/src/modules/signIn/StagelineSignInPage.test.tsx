import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { IdentityApi } from '@backstage/core-plugin-api';
import type { JsonObject } from '@backstage/types';
import { StagelineSignInPage } from './StagelineSignInPage';

const base64url = (value: object) =>
  Buffer.from(JSON.stringify(value)).toString('base64url');
const token = `${base64url({ alg: 'none' })}.${base64url({
  exp: Math.floor(Date.now() / 1000) + 3600,
})}.sig`;

/** The auth backend's refresh answer for whoever the request names. */
function refreshAnswer(userEntityRef: string) {
  return new Response(
    JSON.stringify({
      profile: {},
      backstageIdentity: {
        token,
        identity: {
          type: 'user',
          userEntityRef,
          ownershipEntityRefs: [userEntityRef],
        },
      },
    }),
    { status: 200, headers: { 'content-type': 'application/json' } },
  );
}

function render(data: JsonObject) {
  const onSignInSuccess = jest.fn<void, [IdentityApi]>();
  return {
    onSignInSuccess,
    rendered: renderInTestApp(
      <StagelineSignInPage onSignInSuccess={onSignInSuccess} />,
      {
        config: {
          app: { title: 'Stageline' },
          backend: { baseUrl: 'http://localhost:7007' },
          ...data,
        },
      },
    ),
  };
}

// The whole sign-in page renders in a test app: slow when the machine is busy.
const RENDER_TIMEOUT_MS = 20_000;

describe('StagelineSignInPage', () => {
  const fetchMock = jest.fn<Promise<Response>, [string, RequestInit]>();
  const realFetch = global.fetch;
  afterAll(() => {
    global.fetch = realFetch;
  });
  beforeEach(() => {
    localStorage.clear();
    fetchMock.mockReset();
    global.fetch = fetchMock as unknown as typeof fetch;
  });

  it(
    'offers only the guest when no demo users are configured',
    async () => {
      const { rendered } = render({});
      await rendered;
      expect(
        await screen.findByRole('button', { name: 'Enter' }),
      ).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: /^Sign in as/ })).toBeNull();
    },
    RENDER_TIMEOUT_MS,
  );

  it(
    'signs in as the chosen demo user through the testUsers provider, until sign-out',
    async () => {
      fetchMock.mockImplementation(async (_url, init) =>
        refreshAnswer(
          `user:default/${new Headers(init.headers).get(
            'x-stageline-test-user',
          )}`,
        ),
      );
      const { rendered, onSignInSuccess } = render({
        stageline: { demoSignIn: { users: ['alice', 'bob'] } },
      });
      await rendered;
      expect(
        await screen.findByRole('button', { name: 'Enter' }),
      ).toBeInTheDocument();
      await userEvent.click(
        screen.getByRole('button', { name: 'Sign in as bob' }),
      );

      await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
      const [url] = fetchMock.mock.calls[0];
      expect(url).toMatch(/\/api\/auth\/testUsers\/refresh$/);
      const identity = onSignInSuccess.mock.calls[0][0];
      expect((await identity.getBackstageIdentity()).userEntityRef).toBe(
        'user:default/bob',
      );
      expect(localStorage.getItem('stageline:demo-sign-in')).toBe('bob');

      await identity.signOut();
      expect(localStorage.getItem('stageline:demo-sign-in')).toBeNull();
    },
    RENDER_TIMEOUT_MS,
  );

  it(
    'signs a remembered user in again without asking',
    async () => {
      fetchMock.mockImplementation(async () =>
        refreshAnswer('user:default/alice'),
      );
      localStorage.setItem('stageline:demo-sign-in', 'alice');
      const first = render({
        stageline: { demoSignIn: { users: ['alice'] } },
      });
      await first.rendered;
      await waitFor(() => expect(first.onSignInSuccess).toHaveBeenCalled());
    },
    RENDER_TIMEOUT_MS,
  );

  it(
    'asks again when the remembered user is no longer offered',
    async () => {
      localStorage.setItem('stageline:demo-sign-in', 'mallory');
      const { rendered, onSignInSuccess } = render({
        stageline: { demoSignIn: { users: ['alice'] } },
      });
      await rendered;
      expect(
        await screen.findByRole('button', { name: 'Sign in as alice' }),
      ).toBeInTheDocument();
      expect(fetchMock).not.toHaveBeenCalled();
      expect(onSignInSuccess).not.toHaveBeenCalled();
    },
    RENDER_TIMEOUT_MS,
  );
});
