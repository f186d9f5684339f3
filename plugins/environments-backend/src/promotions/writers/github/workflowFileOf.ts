const WORKFLOW_PAGE =
  /\/actions\/workflows\/([A-Za-z0-9][A-Za-z0-9_.-]*\.ya?ml)$/;

/** The workflow file named by a link made by workflowPageUrl, if it is one. */
export function workflowFileOf(url: string | undefined): string | undefined {
  return url ? WORKFLOW_PAGE.exec(url)?.[1] : undefined;
}
