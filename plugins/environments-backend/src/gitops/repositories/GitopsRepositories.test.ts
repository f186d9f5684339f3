import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import { GitopsRepositories } from './GitopsRepositories';
import { GITHUB_PUSH_TOPIC, subscribeToPushes } from './subscribeToPushes';

const config = new ConfigReader({
  integrations: {
    github: [{ host: 'github.com', token: 't' }],
  },
  environments: {
    gitops: {
      repositories: {
        'acme/mirror': 'https://git.internal.example/acme/mirror.git',
        'https://git.internal.example/platform/*':
          'https://git.internal.example/platform/*',
      },
    },
  },
});

function repositories() {
  return GitopsRepositories.fromConfig(config, {
    clonesDirectory: '/tmp/stageline-gitops-repositories-test',
  });
}

describe('GitopsRepositories', () => {
  it('keeps one repository per location, whatever name leads there', () => {
    const r = repositories();
    const a = r.resolve('acme/gitops', 'stageline.io/gitops-repo');
    expect(r.resolve('https://github.com/acme/gitops', 'x')).toBe(a);
    expect(r.resolve('acme/other', 'x')).not.toBe(a);
    expect(a.displayName).toBe('acme/gitops');
  });

  it('names a configured repository by its annotation value, never its location', () => {
    const repo = repositories().resolve(
      'acme/mirror',
      'stageline.io/gitops-repo',
    );
    expect(repo.displayName).toBe('acme/mirror');
  });

  it('refuses what config does not allow, naming the annotation', () => {
    expect(() =>
      repositories().resolve('file:///etc', 'stageline.io/gitops-repo'),
    ).toThrow(
      expect.objectContaining({
        name: 'NotAllowedError',
        message: expect.stringContaining("'stageline.io/gitops-repo'"),
      }),
    );
  });

  it('marks the pushed repositories stale: GitHub by full name, plain Git by URL or alias', () => {
    const r = repositories();
    const github = r.resolve('acme/gitops', 'a');
    const mirror = r.resolve('acme/mirror', 'a');
    const pattern = r.resolve(
      'https://git.internal.example/platform/deploy',
      'a',
    );
    const marks = [github, mirror, pattern].map(repo =>
      jest.spyOn(repo, 'markStale'),
    );
    expect(r.markPushed({ fullName: 'ACME/gitops', host: 'github.com' })).toBe(
      1,
    );
    expect(marks.map(m => m.mock.calls.length)).toEqual([1, 0, 0]);
    expect(r.markPushed({ fullName: 'acme/gitops', host: 'ghe.example' })).toBe(
      0,
    );
    expect(r.markPushed({ fullName: 'acme/mirror' })).toBe(1);
    expect(
      r.markPushed({
        fullName: 'platform/deploy',
        urls: ['https://git.internal.example/platform/deploy.git'],
      }),
    ).toBe(1);
    expect(marks.map(m => m.mock.calls.length)).toEqual([1, 1, 1]);
  });

  it('marks a repository stale after Stageline wrote to it', () => {
    const r = repositories();
    const repo = r.resolve('acme/gitops', 'a');
    const mark = jest.spyOn(repo, 'markStale');
    r.markWritten(r.locate('https://github.com/acme/gitops', 'a'));
    expect(mark).toHaveBeenCalledTimes(1);
  });
});

describe('subscribeToPushes', () => {
  it('turns a github.push event into a push of that repository, and ignores others', async () => {
    const events = DefaultEventsService.create({
      logger: mockServices.logger.mock(),
    });
    const onPush = jest.fn(() => 1);
    await subscribeToPushes({
      events,
      logger: mockServices.logger.mock(),
      onPush,
    });
    await events.publish({
      topic: GITHUB_PUSH_TOPIC,
      eventPayload: {
        repository: {
          full_name: 'acme/gitops',
          html_url: 'https://github.com/acme/gitops',
          clone_url: 'https://github.com/acme/gitops.git',
        },
      },
    });
    await events.publish({ topic: GITHUB_PUSH_TOPIC, eventPayload: {} });
    await events.publish({
      topic: 'github.pull_request',
      eventPayload: { repository: { full_name: 'acme/gitops' } },
    });
    expect(onPush).toHaveBeenCalledTimes(1);
    expect(onPush).toHaveBeenCalledWith({
      fullName: 'acme/gitops',
      host: 'github.com',
      urls: [
        'https://github.com/acme/gitops.git',
        'https://github.com/acme/gitops',
      ],
    });
  });
});
