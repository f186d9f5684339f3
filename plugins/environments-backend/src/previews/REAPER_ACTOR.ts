/** Who the audit trail names for the reaper's deletions. */
export const REAPER_ACTOR = 'stageline:reaper';
