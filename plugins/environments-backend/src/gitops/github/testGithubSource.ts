import { ConfigReader } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { createGithubClient, type GithubClient } from './createGithubClient';
import { GithubSnapshotSource } from './GithubSnapshotSource';

/**
 * A GithubSnapshotSource for `owner/repo` on github.com with a token, for tests against the
 * stand-in. Pass `client` to share one client between repositories.
 */
export function testGithubSource(options: {
  token: string;
  fullName?: string;
  branch?: string;
  client?: GithubClient;
}) {
  const integrations = ScmIntegrations.fromConfig(
    new ConfigReader({
      integrations: { github: [{ host: 'github.com', token: options.token }] },
    }),
  );
  const client =
    options.client ??
    createGithubClient({
      integration: integrations.github.byHost('github.com')!.config,
      credentialsProvider:
        DefaultGithubCredentialsProvider.fromIntegrations(integrations),
      retryAfterBaseMs: 1,
    });
  const [owner, repo] = (options.fullName ?? 'acme/gitops').split('/');
  return new GithubSnapshotSource({
    client,
    host: 'github.com',
    owner,
    repo,
    branch: options.branch ?? 'main',
  });
}
