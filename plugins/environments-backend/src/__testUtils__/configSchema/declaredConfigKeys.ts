/** A property a `config.d.ts` declares, with the JSDoc comment right before it. */
export type DeclaredConfigKey = {
  /** Dotted path from the root of `Config`, `*` for an index signature, e.g. `environments.clusters.caData`. */
  path: string;
  name: string;
  doc: string;
};

// Doc comments, other comments, string literals, index signatures, `name?:`, braces, `;`.
const TOKEN =
  /\/\*\*([\s\S]*?)\*\/|\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|\[[^\]\n]*\]\s*\??\s*:|([A-Za-z_$][\w$]*)\s*\??\s*:|[{};]/g;

/**
 * Every property of a config schema file, read with a small scanner rather than the TypeScript
 * compiler: config.d.ts files hold plain nested object, array and union types.
 */
export function declaredConfigKeys(source: string): DeclaredConfigKey[] {
  const keys: DeclaredConfigKey[] = [];
  const stack: string[] = [];
  let doc = '';
  let last: string | undefined;
  for (const match of source.matchAll(TOKEN)) {
    const [token, docText, name] = match;
    if (docText !== undefined) {
      doc = docText;
    } else if (token.startsWith('/') || /^['"]/.test(token)) {
      continue;
    } else if (token === '{') {
      stack.push(last ?? '');
      last = undefined;
    } else if (token === '}') {
      stack.pop();
      last = undefined;
    } else if (token === ';') {
      last = undefined;
    } else {
      const key = name ?? '*';
      keys.push({
        path: [...stack, key].filter(Boolean).join('.'),
        name: key,
        doc,
      });
      doc = '';
      last = key;
    }
  }
  return keys;
}

/** Names that hold a credential: tokens, secrets, passwords, keys, certificates. */
export const CREDENTIAL_NAME =
  /token|secret|password|passphrase|private.?key|client.?key|api.?key|key.?data|ca.?data|cert.?data|credentials?$|cookie|auth.?header/i;

/** The credential-like keys of a config schema that are not `@visibility secret`. */
export function credentialsNotSecret(source: string): string[] {
  return declaredConfigKeys(source)
    .filter(key => CREDENTIAL_NAME.test(key.name))
    .filter(key => !/@visibility\s+secret\b/.test(key.doc))
    .map(key => key.path);
}
