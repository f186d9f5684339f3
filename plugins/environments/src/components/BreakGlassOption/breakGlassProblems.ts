/** What a break-glass request is missing, as messages for the form's fields. */
export type BreakGlassProblems = { incident?: string; reason?: string };

/** Whether `text` is an absolute http or https address. */
function isHttpUrl(text: string): boolean {
  if (/\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * A break-glass request needs the incident it answers (an http(s) address) and a reason, as the
 * backend does; checked in the form so the user learns before sending.
 */
export function breakGlassProblems(
  incident: string,
  reason: string,
): BreakGlassProblems {
  const problems: BreakGlassProblems = {};
  const link = incident.trim();
  if (!link) {
    problems.incident = 'Enter the incident link: break glass needs one';
  } else if (!isHttpUrl(link)) {
    problems.incident =
      'Enter the incident as a web address starting with https:// or http://';
  }
  if (!reason.trim()) {
    problems.reason = 'Enter a reason: break glass needs one';
  }
  return problems;
}
