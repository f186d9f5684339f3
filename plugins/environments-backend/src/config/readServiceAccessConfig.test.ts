import { ConfigReader } from '@backstage/config';
import { readServiceAccessConfig } from './readServiceAccessConfig';

function read(serviceAccess: unknown) {
  return readServiceAccessConfig(
    new ConfigReader({ environments: { serviceAccess } } as any),
  );
}

describe('readServiceAccessConfig', () => {
  it('grants nothing to any service by default', () => {
    expect(readServiceAccessConfig(new ConfigReader({}))).toEqual(new Map());
  });

  it('reads each subject with the actions it may take', () => {
    const grants = read([
      {
        subject: 'external:release-bot',
        actions: ['request-promotion', 'cancel-promotion'],
      },
      { subject: 'plugin:scaffolder', actions: ['delete-preview'] },
      // A static external access token's subject, exactly as configured.
      { subject: 'ci-static-token', actions: ['keep-preview'] },
    ]);
    expect([...grants.entries()].map(([s, a]) => [s, [...a]])).toEqual([
      ['external:release-bot', ['request-promotion', 'cancel-promotion']],
      ['plugin:scaffolder', ['delete-preview']],
      ['ci-static-token', ['keep-preview']],
    ]);
  });

  it('refuses to grant approvals to a service, saying why', () => {
    expect(() =>
      read([{ subject: 'external:ci', actions: ['approve-promotion'] }]),
    ).toThrow(
      /^Invalid config at 'environments\.serviceAccess\.0\.actions\.0': .*an approval is a person's decision/,
    );
  });

  it.each([
    [
      [{ subject: 'release bot', actions: ['request-promotion'] }],
      'environments.serviceAccess.0.subject',
      /without spaces/,
    ],
    [
      [{ subject: '', actions: ['request-promotion'] }],
      'environments.serviceAccess.0.subject',
      /plugin:<pluginId>/,
    ],
    [
      [{ subject: 'external:ci', actions: ['promote'] }],
      'environments.serviceAccess.0.actions.0',
      /request-promotion, request-rollback/,
    ],
    [
      [{ subject: 'external:ci', actions: [] }],
      'environments.serviceAccess.0.actions',
      /at least one/,
    ],
    [
      [{ subject: 'external:ci', actions: ['cancel-promotion'], x: 1 }],
      'environments.serviceAccess.0',
      /'x'/,
    ],
    [
      [
        { subject: 'external:ci', actions: ['cancel-promotion'] },
        { subject: 'external:ci', actions: ['delete-preview'] },
      ],
      'environments.serviceAccess.1.subject',
      /listed twice/,
    ],
    [{ subject: 'external:ci' }, 'environments.serviceAccess', /array/],
  ])('rejects %j naming %s', (serviceAccess, key, message) => {
    expect(() => read(serviceAccess)).toThrow(`Invalid config at '${key}': `);
    expect(() => read(serviceAccess)).toThrow(message);
  });
});
