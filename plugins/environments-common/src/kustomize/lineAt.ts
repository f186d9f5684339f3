/** The 1-based line of `offset` in `text`, for error messages. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (
    let i = text.indexOf('\n');
    i !== -1 && i < offset;
    i = text.indexOf('\n', i + 1)
  ) {
    line += 1;
  }
  return line;
}
