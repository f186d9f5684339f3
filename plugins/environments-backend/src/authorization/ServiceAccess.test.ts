import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ServiceAccess } from './ServiceAccess';

const CHECKOUT = 'component:default/checkout';

function setup() {
  const events: Array<Record<string, unknown>> = [];
  const auditor = mockServices.auditor.mock({
    createEvent: jest.fn(async options => {
      const event: Record<string, unknown> = { ...options };
      events.push(event);
      return {
        success: async () => void (event.outcome = 'success'),
        fail: async ({ error }: { error: Error }) =>
          void Object.assign(event, { outcome: 'fail', error: error.message }),
      };
    }),
  });
  const access = ServiceAccess.fromConfig(
    new ConfigReader({
      environments: {
        serviceAccess: [
          {
            subject: 'external:release-bot',
            actions: ['request-promotion', 'delete-preview'],
          },
        ],
      },
    }),
    { auditor },
  );
  return { access, events };
}

describe('ServiceAccess', () => {
  it('lets a user through without an audit event: the permission policy decides for users', async () => {
    const { access, events } = setup();
    await access.require(mockCredentials.user(), {
      action: 'approve-promotion',
      resourceRef: CHECKOUT,
    });
    expect(events).toEqual([]);
  });

  it('lets a service through for a granted action, audited naming the service', async () => {
    const { access, events } = setup();
    await access.require(mockCredentials.service('external:release-bot'), {
      action: 'request-promotion',
      resourceRef: CHECKOUT,
    });
    expect(events).toEqual([
      expect.objectContaining({
        eventId: 'service-access',
        severityLevel: 'high',
        meta: {
          subject: 'external:release-bot',
          action: 'request-promotion',
          resourceRef: CHECKOUT,
          granted: true,
        },
        outcome: 'success',
      }),
    ]);
  });

  it.each([
    ['external:release-bot', 'cancel-promotion', /may not cancel promotions/],
    ['external:other-bot', 'request-promotion', /may not request promotions/],
    ['plugin:scaffolder', 'delete-preview', /may not delete previews/],
    ['external:release-bot', 'approve-promotion', /a person's decision/],
  ] as const)(
    'refuses %s for %s with a NotAllowedError naming it, audited as failed',
    async (subject, action, message) => {
      const { access, events } = setup();
      const attempt = access.require(mockCredentials.service(subject), {
        action,
        resourceRef: CHECKOUT,
      });
      await expect(attempt).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringMatching(message),
      });
      await expect(attempt).rejects.toThrow(subject);
      expect(events).toEqual([
        expect.objectContaining({
          severityLevel: 'medium',
          meta: expect.objectContaining({ subject, action, granted: false }),
          outcome: 'fail',
        }),
      ]);
    },
  );

  it('refuses a caller that is neither a user nor a service', async () => {
    const { access } = setup();
    await expect(
      access.require(mockCredentials.none(), {
        action: 'delete-preview',
        resourceRef: CHECKOUT,
      }),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
  });
});
