import {
  Document,
  isAlias,
  isMap,
  isNode,
  isScalar,
  parseAllDocuments,
  visit,
} from 'yaml';
import { KUSTOMIZATION_MAX_BYTES } from './KUSTOMIZATION_MAX_BYTES';
import { KustomizationError } from './KustomizationError';
import { lineAt } from './lineAt';
import { scanKustomization } from './scanKustomization';

/** How much of a key, a value or the parser's message an error message quotes. */
const QUOTE_MAX_LENGTH = 64;
const PROBLEM_MAX_LENGTH = 200;

/**
 * Parses a kustomization into one YAML 1.2 document, refusing what could make our reading differ
 * from kustomize's or be expensive: oversized text, too many tokens, deep nesting, several
 * documents, syntax errors, duplicate keys, unresolved tags, anchors and aliases, and
 * `%YAML 1.1` (which changes how scalars resolve). Returns undefined for an empty file.
 *
 * @remarks
 * Every call is bounded: the size is checked first, then {@link scanKustomization} bounds the
 * tokens and the nesting with a linear pass over the lexer's tokens, and only then does the
 * parser build the document. Nothing after that is worse than linear (duplicate keys are found
 * with a set per mapping, not the parser's pairwise `uniqueKeys`).
 */
export function parseKustomizationDocument(
  text: string,
): Document.Parsed | undefined {
  refuseOversized(text);
  scanKustomization(text);
  const docs = parseWithoutStackTraces(text);
  if (docs.length === 0) return undefined;
  if (docs.length > 1) {
    // Normally refused by scanKustomization already, before parsing.
    throw new KustomizationError(
      `kustomization holds several YAML documents; it must hold one, as kustomize reads only one (line ${lineAt(
        text,
        docs[1].range[0],
      )})`,
    );
  }
  const doc = docs[0];
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const at =
      problem.pos[0] >= 0 ? ` (line ${lineAt(text, problem.pos[0])})` : '';
    throw new KustomizationError(
      `kustomization is not valid YAML: ${firstLine(problem.message)}${at}`,
    );
  }
  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2') {
    throw new KustomizationError(
      `kustomization has a '%YAML ${doc.directives.yaml.version}' directive, which changes how values are read; remove it`,
    );
  }
  refuseAnchors(doc);
  refuseDuplicateKeys(doc, text);
  if (doc.contents !== null && !isEmptyScalar(doc) && !isMap(doc.contents)) {
    throw new KustomizationError('kustomization must be a mapping of fields');
  }
  return doc;
}

function refuseOversized(text: string) {
  // UTF-8 takes at least a byte per UTF-16 code unit, so a long string is refused uncounted.
  if (text.length > KUSTOMIZATION_MAX_BYTES) {
    throw new KustomizationError(
      `kustomization is at least ${text.length} bytes, more than the ${KUSTOMIZATION_MAX_BYTES} bytes Stageline reads`,
    );
  }
  const bytes = utf8Length(text);
  if (bytes > KUSTOMIZATION_MAX_BYTES) {
    throw new KustomizationError(
      `kustomization is ${bytes} bytes, more than the ${KUSTOMIZATION_MAX_BYTES} bytes Stageline reads`,
    );
  }
}

/** The length of `text` encoded as UTF-8 (a lone surrogate as U+FFFD), without encoding it. */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) {
      bytes += 1;
    } else if (
      code >= 0xd800 &&
      code < 0xdc00 &&
      (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00
    ) {
      bytes += 2; // a surrogate pair: 4 bytes for 2 code units
      i += 1;
    } else {
      bytes += 2;
    }
  }
  return bytes;
}

/**
 * `parseAllDocuments` without the parser's per-problem cost: it builds an `Error` for every
 * problem it finds, and capturing each one's stack trace costs microseconds, which text full of
 * problems (e.g. thousands of invalid `\q` escapes in one string) turns into a long block of the
 * event loop. Only the first problem's message is reported, so the stacks are not captured.
 * `prettyErrors` is off for the same reason (it copies the source line into every message).
 */
function parseWithoutStackTraces(text: string) {
  const { stackTraceLimit } = Error;
  const settable =
    Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit')?.writable ===
    true;
  if (settable) Error.stackTraceLimit = 0;
  try {
    return parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false });
  } finally {
    if (settable) Error.stackTraceLimit = stackTraceLimit;
  }
}

function refuseAnchors(doc: Document.Parsed) {
  // Normally refused by scanKustomization already, before parsing.
  visit(doc, (_key, node) => {
    if (isAlias(node) || (isNode(node) && node.anchor)) {
      throw new KustomizationError(
        'kustomization uses YAML anchors or aliases (& or *), which Stageline does not accept; write the values out',
      );
    }
  });
}

/**
 * Refuses a mapping with two equal scalar keys, as the parser's `uniqueKeys` would, but with a
 * set per mapping: the parser compares every key with every earlier one, which a flat mapping
 * of thousands of keys turns into seconds.
 */
function refuseDuplicateKeys(doc: Document.Parsed, text: string) {
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const value: unknown = pair.key.value;
        const id = `${typeof value}:${String(value)}`;
        if (seen.has(id)) {
          const line = lineAt(text, pair.key.range?.[0] ?? 0);
          throw new KustomizationError(
            `kustomization is not valid YAML: Map keys must be unique; ${quote(
              String(value),
            )} appears twice in the same mapping (line ${line})`,
          );
        }
        seen.add(id);
      }
    },
  });
}

function isEmptyScalar(doc: Document.Parsed) {
  const contents = doc.contents as { value?: unknown; items?: unknown };
  return contents.items === undefined && contents.value === null;
}

/** The parser's message, shortened: some quote the source (`Unresolved tag: !<...>`). */
function firstLine(message: string) {
  const line = message.split('\n', 1)[0].replace(/:$/, '');
  return line.length > PROBLEM_MAX_LENGTH
    ? `${line.slice(0, PROBLEM_MAX_LENGTH)}…`
    : line;
}

/** `'value'`, shortened with an ellipsis so that a message never quotes much of the file. */
function quote(value: string) {
  return value.length > QUOTE_MAX_LENGTH
    ? `'${value.slice(0, QUOTE_MAX_LENGTH)}…'`
    : `'${value}'`;
}
