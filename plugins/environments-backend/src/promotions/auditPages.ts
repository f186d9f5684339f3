import type {
  HistoryEvent,
  PromotionEvent,
  PromotionEventsPage,
  ServiceHistoryPage,
} from '@stageline/plugin-environments-common';
import type { AuditEntry } from '../audit/types';
import type { AuditPage } from './types';

/** An audit row as the API serves it: the event, without the store's own columns. */
function toPromotionEvent(entry: AuditEntry): PromotionEvent {
  const { at, actor, action, result, message, link } = entry;
  return {
    at,
    actor,
    action,
    result,
    ...(message !== undefined && { message }),
    ...(link !== undefined && { link }),
  };
}

/** An entity's audit row as its history serves it: the event and what it belongs to. */
function toHistoryEvent(entry: AuditEntry): HistoryEvent {
  const { promotionId, environment } = entry;
  return {
    ...toPromotionEvent(entry),
    ...(promotionId !== undefined && { promotionId }),
    ...(environment !== undefined && { environment }),
  };
}

/** The cursor of the older rows, under the name the API gives it; nothing when there are none. */
function olderEvents(page: AuditPage): { olderEventsCursor?: string } {
  return page.olderCursor !== undefined
    ? { olderEventsCursor: page.olderCursor }
    : {};
}

/** A page of a promotion's audit rows as the API serves it. */
export function toPromotionEventsPage(page: AuditPage): PromotionEventsPage {
  return {
    events: page.entries.map(toPromotionEvent),
    ...olderEvents(page),
  };
}

/** A page of an entity's audit rows as the API serves it. */
export function toServiceHistoryPage(
  entityRef: string,
  page: AuditPage,
): ServiceHistoryPage {
  return {
    entityRef,
    events: page.entries.map(toHistoryEvent),
    ...olderEvents(page),
  };
}
