const UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/**
 * Parses durations as config writes them (`30s`, `72h`, `1h30m`; units ms, s, m, h, d) into
 * milliseconds.
 * Throws naming `key` when the text is not a duration.
 */
export function parseDuration(key: string, text: string): number {
  const parts = text.trim().match(/(\d+)(ms|s|m|h|d)/g);
  const joined = parts?.join('');
  if (!parts || joined !== text.trim().replace(/\s+/g, '')) {
    throw new Error(
      `Invalid config at '${key}': '${text}' is not a duration like 30s, 10m, 72h or 1h30m`,
    );
  }
  return parts.reduce((total, part) => {
    const [, amount, unit] = part.match(/(\d+)(ms|s|m|h|d)/)!;
    return total + Number(amount) * UNITS[unit];
  }, 0);
}
