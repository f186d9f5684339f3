import { urlsFromIngressRoute } from './urlsFromIngressRoute';

function route(spec: Parameters<typeof urlsFromIngressRoute>[0]['spec']) {
  return urlsFromIngressRoute({ metadata: { name: 'r' }, spec });
}

describe('urlsFromIngressRoute', () => {
  it('reads Host() matches, several hosts, and paths', () => {
    expect(
      route({
        routes: [
          { match: 'Host(`a.example.com`) && PathPrefix(`/shop`)' },
          { match: 'Host(`b.example.com`, "c.example.com")' },
          { match: 'HostRegexp(`{sub:[a-z]+}.example.com`)' },
          { match: 'Path(`/only-path`)' },
          {},
        ],
      }),
    ).toEqual([
      'http://a.example.com/shop',
      'http://b.example.com/',
      'http://c.example.com/',
    ]);
  });

  it('uses https with TLS or the websecure entry point', () => {
    expect(route({ tls: {}, routes: [{ match: 'Host(`a`)' }] })).toEqual([
      'https://a/',
    ]);
    expect(
      route({ entryPoints: ['websecure'], routes: [{ match: 'Host(`a`)' }] }),
    ).toEqual(['https://a/']);
    expect(
      route({ entryPoints: ['web'], routes: [{ match: 'Host(`a`)' }] }),
    ).toEqual(['http://a/']);
  });
});
