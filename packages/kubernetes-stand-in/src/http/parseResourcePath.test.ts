import { parseResourcePath } from './parseResourcePath';

describe('parseResourcePath', () => {
  it.each([
    ['/api/v1/pods', { group: '', version: 'v1', plural: 'pods' }],
    ['/api/v1/namespaces', { group: '', version: 'v1', plural: 'namespaces' }],
    [
      '/api/v1/namespaces/qa',
      { group: '', version: 'v1', plural: 'namespaces', name: 'qa' },
    ],
    [
      '/api/v1/namespaces/qa/pods',
      { group: '', version: 'v1', namespace: 'qa', plural: 'pods' },
    ],
    [
      '/api/v1/namespaces/qa/pods/p-1',
      {
        group: '',
        version: 'v1',
        namespace: 'qa',
        plural: 'pods',
        name: 'p-1',
      },
    ],
    [
      '/apis/apps/v1/deployments',
      { group: 'apps', version: 'v1', plural: 'deployments' },
    ],
    [
      '/apis/traefik.io/v1alpha1/namespaces/qa/ingressroutes',
      {
        group: 'traefik.io',
        version: 'v1alpha1',
        namespace: 'qa',
        plural: 'ingressroutes',
      },
    ],
  ])('parses %s', (path, expected) => {
    expect(parseResourcePath(path)).toEqual(expected);
  });

  it.each([
    '/',
    '/api',
    '/api/v1',
    '/apis/apps/v1',
    '/api/v1/namespaces/qa/pods/p/log',
    '/healthz',
  ])('rejects %s', path => {
    expect(parseResourcePath(path)).toBeUndefined();
  });
});
