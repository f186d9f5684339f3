/** The latest of ISO 8601 times, as written; undefined when none is given. */
export function latestTime(
  times: Array<string | undefined>,
): string | undefined {
  let latest: string | undefined;
  for (const time of times) {
    if (time && (!latest || Date.parse(time) > Date.parse(latest))) {
      latest = time;
    }
  }
  return latest;
}
