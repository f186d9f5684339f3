import { redactUrl } from './redactUrl';

describe('redactUrl', () => {
  it.each([
    [
      'https://bot:s3cret@git.example.com/a.git',
      'https://git.example.com/a.git',
    ],
    ['https://ghp_token@github.com/a/b.git', 'https://github.com/a/b.git'],
    ['ssh://git@git.example.com/a.git', 'ssh://git@git.example.com/a.git'],
    ['ssh://git:pw@git.example.com/a.git', 'ssh://git.example.com/a.git'],
    ['git@git.example.com:a/b.git', 'git@git.example.com:a/b.git'],
    ['/srv/git/a', '/srv/git/a'],
  ])('redacts %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});
