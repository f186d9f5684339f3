import { parseLabelSelector } from './parseLabelSelector';

describe('parseLabelSelector', () => {
  it.each([
    ['', []],
    ['  ', []],
    ['app=checkout', [{ key: 'app', operator: 'in', values: ['checkout'] }]],
    ['app==checkout', [{ key: 'app', operator: 'in', values: ['checkout'] }]],
    [
      'app != checkout',
      [{ key: 'app', operator: 'notin', values: ['checkout'] }],
    ],
    [
      'backstage.io/kubernetes-id',
      [{ key: 'backstage.io/kubernetes-id', operator: 'exists', values: [] }],
    ],
    ['!canary', [{ key: 'canary', operator: 'doesnotexist', values: [] }]],
    [
      'tier in (api, web)',
      [{ key: 'tier', operator: 'in', values: ['api', 'web'] }],
    ],
    ['tier notin (db)', [{ key: 'tier', operator: 'notin', values: ['db'] }]],
    [
      'app=x,tier in (a,b),!c',
      [
        { key: 'app', operator: 'in', values: ['x'] },
        { key: 'tier', operator: 'in', values: ['a', 'b'] },
        { key: 'c', operator: 'doesnotexist', values: [] },
      ],
    ],
    ['app=', [{ key: 'app', operator: 'in', values: [''] }]],
  ])('parses %j', (selector, expected) => {
    expect(parseLabelSelector(selector)).toEqual(expected);
  });

  it.each([
    'app=a b',
    'a,,b',
    '=x',
    'tier in ()',
    'bad key=1',
    '-a=b',
    'a=b/c',
    `a=${'x'.repeat(64)}`,
  ])('rejects %j', selector => {
    expect(() => parseLabelSelector(selector)).toThrow(
      /invalid label selector/,
    );
  });
});
