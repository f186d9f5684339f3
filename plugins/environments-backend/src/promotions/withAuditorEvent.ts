import type {
  AuditorService,
  AuditorServiceEventSeverityLevel,
} from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import { toError } from '@backstage/errors';
import type { Request } from 'express';

/**
 * Runs `fn` inside one auditor event that is finished exactly once: success with `fn`'s result
 * meta, or fail with its error (rethrown). Meta never carries tokens or file contents.
 */
export async function withAuditorEvent<T>(
  auditor: AuditorService,
  event: {
    eventId: string;
    meta: JsonObject;
    request?: Request;
    /** Default `medium`. */
    severityLevel?: AuditorServiceEventSeverityLevel;
  },
  fn: () => Promise<T>,
  resultMeta?: (result: T) => JsonObject,
): Promise<T> {
  const auditorEvent = await auditor.createEvent({
    eventId: event.eventId,
    severityLevel: event.severityLevel ?? 'medium',
    request: event.request,
    meta: event.meta,
  });
  let result: T;
  try {
    result = await fn();
  } catch (error) {
    await auditorEvent.fail({ error: toError(error) });
    throw error;
  }
  await auditorEvent.success(
    resultMeta ? { meta: resultMeta(result) } : undefined,
  );
  return result;
}
