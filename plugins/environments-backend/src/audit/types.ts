import type { PromotionEvent } from '@stageline/plugin-environments-common';

/** An audit row: append-only. */
export type AuditEntry = PromotionEvent & {
  entityRef: string;
  promotionId?: string;
  /** Environment (or preview namespace) the entry is about. */
  environment?: string;
};

/** Where audit rows go: the plugin's database in production. */
export type AuditSink = {
  appendAudit(entry: AuditEntry): Promise<void>;
};
