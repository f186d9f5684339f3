import type { PromotionEventsPage } from '@stageline/plugin-environments-common';
import type { AuditPage } from './types';

/** A page of audit rows as the API serves it: the events without the store's own columns. */
export function toPromotionEventsPage(page: AuditPage): PromotionEventsPage {
  return {
    events: page.entries.map(
      ({ at, actor, action, result, message, link }) => ({
        at,
        actor,
        action,
        result,
        message,
        link,
      }),
    ),
    ...(page.olderCursor !== undefined && {
      olderEventsCursor: page.olderCursor,
    }),
  };
}
