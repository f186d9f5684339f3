import type { ServiceHistoryPage } from '@stageline/plugin-environments-common';
import type { AuditPage } from './types';

/** A page of an entity's audit rows as the API serves it. */
export function toServiceHistoryPage(
  entityRef: string,
  page: AuditPage,
): ServiceHistoryPage {
  return {
    entityRef,
    events: page.entries.map(
      ({
        at,
        actor,
        action,
        result,
        message,
        link,
        promotionId,
        environment,
      }) => ({
        at,
        actor,
        action,
        result,
        ...(message !== undefined && { message }),
        ...(link !== undefined && { link }),
        ...(promotionId !== undefined && { promotionId }),
        ...(environment !== undefined && { environment }),
      }),
    ),
    ...(page.olderCursor !== undefined && {
      olderEventsCursor: page.olderCursor,
    }),
  };
}
