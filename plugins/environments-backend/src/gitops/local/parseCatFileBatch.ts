/**
 * Parses `git cat-file --batch` output (`<sha> <type> <size>\n<content>\n` per object, or
 * `<name> missing\n`) into contents by SHA; missing objects are left out.
 */
export function parseCatFileBatch(output: Buffer): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  let offset = 0;
  while (offset < output.length) {
    const newline = output.indexOf(0x0a, offset);
    if (newline < 0) break;
    const header = output.toString('utf8', offset, newline).split(' ');
    offset = newline + 1;
    if (header.length !== 3) continue; // `<name> missing` or `ambiguous`
    const size = Number(header[2]);
    blobs.set(header[0], output.subarray(offset, offset + size));
    offset += size + 1;
  }
  return blobs;
}
