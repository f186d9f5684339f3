import { ConfigReader } from '@backstage/config';
import { readEnvironmentsConfig } from './readEnvironmentsConfig';

const read = (environments: object) =>
  readEnvironmentsConfig(new ConfigReader({ environments }));

describe('environments.links', () => {
  it('defaults to no links', () => {
    expect(read({}).links).toEqual([]);
  });

  it('keeps the links in config order, with their environments', () => {
    const links = [
      {
        title: 'Logs',
        url: 'https://grafana.example.com/explore?ns={namespace}&app={service}',
      },
      {
        title: ' Production dashboard ',
        url: 'https://grafana.example.com/d/{service}',
        environments: ['production'],
      },
    ];
    expect(read({ links }).links).toEqual([
      links[0],
      { ...links[1], title: 'Production dashboard' },
    ]);
  });

  it.each([
    [
      [{ title: 'Logs', url: 'https://x.example.com/{team}' }],
      "environments.links.0.url': unknown placeholder {team}",
    ],
    [
      [{ title: 'Logs', url: 'file:///var/log/{service}' }],
      "environments.links.0.url': must be an http(s) URL",
    ],
    [
      [{ title: '', url: 'https://x.example.com/' }],
      'environments.links.0.title',
    ],
    [
      [{ title: 'Logs', url: 'https://x.example.com/', env: ['qa'] }],
      'environments.links.0',
    ],
    [
      [{ title: 'Logs', url: 'https://x.example.com/', environments: [] }],
      'environments.links.0.environments',
    ],
    [
      [
        { title: 'Logs', url: 'https://x.example.com/' },
        {
          title: 'Prod',
          url: 'https://x.example.com/',
          environments: ['qa', 'prod'],
        },
      ],
      "environments.links.1.environments.1': no chain has an environment 'prod'",
    ],
  ])('refuses %j naming the key', (links, message) => {
    expect(() => read({ links })).toThrow(`Invalid config at '${message}`);
  });

  it('knows the environments of every configured chain', () => {
    const links = [
      {
        title: 'Dashboard',
        url: 'https://x.example.com/',
        environments: ['dev', 'production'],
      },
    ];
    expect(
      read({ chains: { fast: [{ name: 'dev' }] }, links }).links,
    ).toHaveLength(1);
  });
});
