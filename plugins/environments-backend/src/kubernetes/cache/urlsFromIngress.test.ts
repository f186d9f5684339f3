import { urlsFromIngress } from './urlsFromIngress';

describe('urlsFromIngress', () => {
  it('uses https for TLS hosts, plain paths, and skips wildcards and hostless rules', () => {
    expect(
      urlsFromIngress({
        metadata: { name: 'i' },
        spec: {
          tls: [{ hosts: ['a.example.com'] }],
          rules: [
            {
              host: 'a.example.com',
              http: {
                paths: [
                  { path: '/' },
                  { path: '/api' },
                  { path: '/x(/|$)(.*)' },
                ],
              },
            },
            { host: 'b.example.com' },
            { host: '*.example.com' },
            { http: { paths: [{ path: '/' }] } },
          ],
        },
      }),
    ).toEqual([
      'https://a.example.com/',
      'https://a.example.com/api',
      'http://b.example.com/',
    ]);
  });

  it('returns nothing without rules', () => {
    expect(urlsFromIngress({ metadata: { name: 'i' } })).toEqual([]);
  });
});
