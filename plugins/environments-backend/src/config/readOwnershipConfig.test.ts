import { ConfigReader } from '@backstage/config';
import type { JsonValue } from '@backstage/types';
import { readOwnershipConfig } from './readOwnershipConfig';

const read = (ownership: JsonValue) =>
  readOwnershipConfig(new ConfigReader({ environments: { ownership } }));

describe('readOwnershipConfig', () => {
  it('reads entries, normalising refs and folders', () => {
    expect(
      read([
        {
          entity: 'Component:default/Payments',
          repository: 'acme/gitops',
          overlaysPath: '/services/payments/overlays/',
        },
      ]),
    ).toEqual([
      {
        entity: 'component:default/payments',
        repository: 'acme/gitops',
        overlaysPath: 'services/payments/overlays',
      },
    ]);
    expect(readOwnershipConfig(new ConfigReader({}))).toEqual([]);
  });

  it.each([
    [
      [{ entity: 'payments', repository: 'a/b', overlaysPath: 'x' }],
      /ownership\.0\.entity/,
    ],
    [
      [
        {
          entity: 'component:default/a',
          repository: 'a/b',
          overlaysPath: '../x',
        },
      ],
      /relative folder/,
    ],
    [
      [
        { entity: 'component:default/a', repository: 'a/b', overlaysPath: 'x' },
        {
          entity: 'component:default/b',
          repository: 'a/b',
          overlaysPath: 'x/',
        },
      ],
      /already owned by component:default\/a/,
    ],
    [
      [
        {
          entity: 'component:default/a',
          repository: 'a/b',
          overlaysPath: 'x',
          path: 'y',
        },
      ],
      /Unrecognized key/,
    ],
  ])('refuses %j', (value, message) => {
    expect(() => read(value)).toThrow(message);
  });
});
