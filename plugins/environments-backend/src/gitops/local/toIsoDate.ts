/** A date git printed (`%cI`, `iso-strict`) in UTC, as GitHub writes dates (`…T10:00:00Z`). */
export function toIsoDate(text: string): string {
  const time = Date.parse(text);
  return Number.isNaN(time)
    ? text
    : new Date(time).toISOString().replace('.000Z', 'Z');
}
