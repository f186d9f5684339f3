import type { LoggerService } from '@backstage/backend-plugin-api';
import type { EventsService } from '@backstage/plugin-events-node';
import { randomUUID } from 'node:crypto';
import type { RepositoryPush } from './GitopsRepositories';

/** The topic the GitHub events module publishes push webhooks on. */
export const GITHUB_PUSH_TOPIC = 'github.push';

type PushPayload = {
  repository?: {
    full_name?: unknown;
    html_url?: unknown;
    clone_url?: unknown;
    ssh_url?: unknown;
    git_url?: unknown;
  };
};

/**
 * Marks a repository's head stale as soon as a push webhook for it arrives, so a commit shows
 * within a second instead of after `cacheTtl`. Each backend instance keeps its own snapshots,
 * so each subscribes under its own id (subscribers sharing an id split the events).
 */
export async function subscribeToPushes(options: {
  events: EventsService;
  logger: LoggerService;
  onPush: (push: RepositoryPush) => number;
}): Promise<void> {
  await options.events.subscribe({
    id: `environments-gitops-heads-${randomUUID()}`,
    topics: [GITHUB_PUSH_TOPIC],
    async onEvent(params) {
      const push = toRepositoryPush(params.eventPayload as PushPayload);
      if (!push) return;
      const marked = options.onPush(push);
      if (marked) {
        options.logger.debug('Push received: repositories will be read again', {
          repository: push.fullName,
          repositories: marked,
        });
      }
    },
  });
}

function toRepositoryPush(payload: PushPayload): RepositoryPush | undefined {
  const repository = payload?.repository;
  if (!repository || typeof repository.full_name !== 'string') return undefined;
  const urls = [repository.clone_url, repository.ssh_url, repository.git_url]
    .concat(repository.html_url)
    .filter((u): u is string => typeof u === 'string');
  let host: string | undefined;
  try {
    host =
      typeof repository.html_url === 'string'
        ? new URL(repository.html_url).host
        : undefined;
  } catch {
    host = undefined;
  }
  return { fullName: repository.full_name, host, urls };
}
