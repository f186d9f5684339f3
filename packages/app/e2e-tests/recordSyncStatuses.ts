import { checkoutEnvironments } from './checkoutEnvironments';

/** What a {@link SyncStatusRecorder} saw. */
export type SyncStatusRecord = {
  /** The statuses seen, in order, consecutive repeats folded. */
  statuses: string[];
  /** Samples lost to a failed request (they are no status of the environment). */
  errors: string[];
};

/** Records an environment's sync statuses while it runs. */
export type SyncStatusRecorder = { stop(): Promise<SyncStatusRecord> };

/**
 * Polls checkout's chain several times a second and notes `env`'s sync status each time it
 * changes: the demo cluster's rollouts last about 3 s, shorter than the tab's refresh.
 */
export function recordSyncStatuses(env: string): SyncStatusRecorder {
  const record: SyncStatusRecord = { statuses: [], errors: [] };
  let running = true;
  const sample = async () => {
    try {
      const found = (await checkoutEnvironments()).find(e => e.name === env);
      const status = found?.sync.status ?? 'absent';
      const { statuses } = record;
      if (statuses[statuses.length - 1] !== status) statuses.push(status);
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause;
      record.errors.push(`${error}${cause ? ` (${cause})` : ''}`);
    }
  };
  const loop = (async () => {
    while (running) {
      await sample();
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return record;
    },
  };
}
