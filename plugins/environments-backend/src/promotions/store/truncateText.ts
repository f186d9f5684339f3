const MAX_TEXT_LENGTH = 4000;

/**
 * Human messages (a failure's reason, an audit message) are shortened rather than refused: a
 * long error message must never stop a promotion from being marked failed or audited.
 */
export function truncateText(text: string): string {
  return text.length <= MAX_TEXT_LENGTH
    ? text
    : `${text.slice(0, MAX_TEXT_LENGTH - 1)}…`;
}
