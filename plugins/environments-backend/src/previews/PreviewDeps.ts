import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NamespaceDeleter } from '../kubernetes/types';
import type { PreviewOverrideStore } from './types';
import type { PreviewAuditSink } from './types';

/** What deleting and auditing a preview needs. */
export type PreviewDeps = {
  deleter: NamespaceDeleter;
  overrides: PreviewOverrideStore;
  audit: PreviewAuditSink;
  logger: LoggerService;
  clock: { now(): Date };
};
