/**
 * Placeholders in the preview overlay template and the image tags, replaced by CI (the
 * source articles' `feature-pr-PRNUMBER` and `GITSHA`).
 */
export const PLACEHOLDERS = {
  prNumber: 'PRNUMBER',
  gitSha: 'GITSHA',
  previewOverlay: 'feature',
} as const;
