/**
 * Placeholders in the preview overlay template and the image tags, replaced by CI: `PRNUMBER`
 * by the pull request number, `GITSHA` by the commit the image was built from; `feature` is the
 * folder of the preview overlay template.
 */
export const PLACEHOLDERS = {
  prNumber: 'PRNUMBER',
  gitSha: 'GITSHA',
  previewOverlay: 'feature',
} as const;
