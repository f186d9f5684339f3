/** Line of a pull request body asking Stageline to merge it as soon as GitHub allows. */
export const AUTO_MERGE_LINE = 'Stageline-Auto-Merge: true';
