/** `text` as base64 wrapped at 60 characters per line, as GitHub sends file and blob content. */
export function wrapBase64(text: string): string {
  const base64 = Buffer.from(text, 'utf8').toString('base64');
  return `${base64.replace(/.{60}/g, '$&\n')}\n`;
}
