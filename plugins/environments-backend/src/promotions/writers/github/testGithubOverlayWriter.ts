import { ConfigReader } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import {
  createGithubClient,
  type GithubClientOptions,
} from '../../../gitops/github/createGithubClient';
import type { WriterTiming } from '../WriterTiming';
import { GithubOverlayWriter } from './GithubOverlayWriter';

/**
 * A GithubOverlayWriter for `acme/gitops` on github.com, for tests against the stand-in. Rate
 * limit waits are scaled to milliseconds per second GitHub asks for, and writes are not spaced.
 */
export function testGithubOverlayWriter(
  options: {
    token: string;
    timing: WriterTiming;
  } & Partial<Pick<GithubClientOptions, 'maxRateLimitWaitMs' | 'logger'>>,
) {
  const integrations = ScmIntegrations.fromConfig(
    new ConfigReader({
      integrations: { github: [{ host: 'github.com', token: options.token }] },
    }),
  );
  return new GithubOverlayWriter({
    client: createGithubClient({
      integration: integrations.github.byHost('github.com')!.config,
      credentialsProvider:
        DefaultGithubCredentialsProvider.fromIntegrations(integrations),
      maxRateLimitWaitMs: options.maxRateLimitWaitMs,
      logger: options.logger,
      retryAfterBaseMs: 1,
      minWriteIntervalMs: 0,
    }),
    host: 'github.com',
    owner: 'acme',
    repo: 'gitops',
    branch: 'main',
    timing: options.timing,
  });
}
