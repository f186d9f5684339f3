import type { AuditEntry } from '../audit/types';
import { errorMessage } from '../errors/errorMessage';
import type { PreviewDeps } from './PreviewDeps';

/**
 * Appends an audit row about a preview. A failing audit store is logged, not thrown: the
 * cluster change it records has already happened and must still be reported.
 */
export async function auditPreview(
  deps: Pick<PreviewDeps, 'audit' | 'logger' | 'clock'>,
  entry: Omit<AuditEntry, 'at'>,
): Promise<void> {
  const row: AuditEntry = { at: deps.clock.now().toISOString(), ...entry };
  try {
    await deps.audit.appendAudit(row);
  } catch (error) {
    deps.logger.error('Could not audit a preview change', {
      ...row,
      error: errorMessage(error),
    });
  }
}
