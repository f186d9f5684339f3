import { ConfigReader } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import type { WriterTiming } from '../WriterTiming';
import { createGithubWriteClient } from './createGithubWriteClient';
import { GithubOverlayWriter } from './GithubOverlayWriter';

/** A GithubOverlayWriter for `acme/gitops` on github.com, for tests against the stand-in. */
export function testGithubOverlayWriter(options: {
  token: string;
  timing: WriterTiming;
  maxRateLimitWaitMs?: number;
}) {
  const integrations = ScmIntegrations.fromConfig(
    new ConfigReader({
      integrations: { github: [{ host: 'github.com', token: options.token }] },
    }),
  );
  return new GithubOverlayWriter({
    client: createGithubWriteClient({
      integration: integrations.github.byHost('github.com')!.config,
      credentialsProvider:
        DefaultGithubCredentialsProvider.fromIntegrations(integrations),
    }),
    host: 'github.com',
    owner: 'acme',
    repo: 'gitops',
    branch: 'main',
    timing: options.timing,
    maxRateLimitWaitMs: options.maxRateLimitWaitMs,
  });
}
