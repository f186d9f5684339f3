import { Document, isMap, isScalar, isSeq, Scalar, YAMLMap } from 'yaml';
import { digestProblem } from '../images/digestProblem';
import { imageNameProblem } from '../images/imageNameProblem';
import { isValidTag } from '../images/isValidTag';
import { KustomizationError } from './KustomizationError';
import { parseKustomizationDocument } from './parseKustomizationDocument';
import { parseKustomizationImages } from './parseKustomizationImages';

/**
 * What `setKustomizationImage` writes into the `images` entry named `name`.
 *
 * @public
 */
export type KustomizationImageEdit = {
  name: string;
  /** Absent: the entry keeps no `newName`. */
  newName?: string;
  newTag: string;
  /** Absent: the entry keeps no `digest`. */
  digest?: string;
};

const FIELD_ORDER = ['newName', 'newTag', 'digest'] as const;
const DASH_PREFIX = /^\s*-\s+$/;

/**
 * Sets (or adds) the `images` entry named `edit.name` of a kustomization and returns the new
 * text. Only that entry's text changes: everything else (comments, key order, indentation,
 * quoting) is kept byte for byte. Values are written double-quoted, so a tag such as `1e10` or
 * `0123` stays a string for every YAML parser. `newName` and `digest` are removed when `edit`
 * has none: kustomize would otherwise keep an old name or digest next to the new tag.
 *
 * @throws KustomizationError for input parseKustomizationImages refuses (duplicate keys,
 *   aliases, several documents, a non-mapping root, ...) or an invalid name, tag or digest.
 * @public
 */
export function setKustomizationImage(
  content: string,
  edit: KustomizationImageEdit,
): string {
  assertValidEdit(edit);
  parseKustomizationImages(content);
  const doc = parseKustomizationDocument(content) ?? new Document({});
  const images = doc.get('images', true);
  const updated = editText(content, doc, images, edit);
  assertLanded(updated, edit);
  return updated;
}

function editText(
  content: string,
  doc: Document,
  images: unknown,
  edit: KustomizationImageEdit,
): string {
  if (images === undefined && content.trim() !== '') {
    return appendImages(content, edit);
  }
  if (isSeq(images) && !images.flow && images.items.length > 0) {
    const index = images.items.findIndex(
      item => isMap(item) && item.get('name') === edit.name,
    );
    const spliced =
      index >= 0
        ? replaceEntry(content, images.items[index] as YAMLMap, edit)
        : appendEntry(content, images.items.at(-1) as YAMLMap, edit);
    if (spliced !== undefined) return spliced;
  }
  // Flow or empty lists, or layouts the splice does not recognize: rewrite through the
  // Document API, which keeps comments and key order but may normalize spacing.
  return rewriteDocument(doc, edit);
}

/** Replaces the entry's own text, indenting the new lines like the old ones. */
function replaceEntry(
  content: string,
  entry: YAMLMap,
  edit: KustomizationImageEdit,
): string | undefined {
  const [start, end] = entry.range ?? [];
  if (start === undefined || end === undefined) return undefined;
  applyEdit(entry, edit);
  const column = start - (content.lastIndexOf('\n', start - 1) + 1);
  const text = indentFollowingLines(stringifyNode(entry), column);
  const tail = content.slice(start, end).endsWith('\n') ? '\n' : '';
  return `${content.slice(0, start)}${text.replace(/\n$/, tail)}${content.slice(
    end,
  )}`;
}

/** Adds an entry after the last one, with the same `- ` prefix. */
function appendEntry(
  content: string,
  last: YAMLMap,
  edit: KustomizationImageEdit,
): string | undefined {
  const [start, end] = last.range ?? [];
  if (start === undefined || end === undefined) return undefined;
  const prefix = content.slice(content.lastIndexOf('\n', start - 1) + 1, start);
  if (!DASH_PREFIX.test(prefix)) return undefined;
  const entry = newEntry(edit);
  const text = indentFollowingLines(stringifyNode(entry), prefix.length);
  const before = content.slice(0, end);
  const separator = before.endsWith('\n') ? '' : '\n';
  return `${before}${separator}${prefix}${text}${content.slice(end)}`;
}

/** Adds an `images` field at the end of a kustomization that has none. */
function appendImages(content: string, edit: KustomizationImageEdit): string {
  const list = new Document({ images: [newEntry(edit)] }).toString({
    lineWidth: 0,
  });
  const separator = content.endsWith('\n') ? '' : '\n';
  return `${content}${separator}${list}`;
}

function rewriteDocument(doc: Document, edit: KustomizationImageEdit): string {
  let images = doc.get('images', true);
  if (!isSeq(images)) {
    doc.set('images', doc.createNode([]));
    images = doc.get('images', true);
  }
  if (!isSeq(images)) throw new KustomizationError("'images' must be a list");
  images.flow = false;
  const entry = images.items.find(
    item => isMap(item) && item.get('name') === edit.name,
  ) as YAMLMap | undefined;
  if (entry) applyEdit(entry, edit);
  else images.items.push(newEntry(edit));
  return doc.toString({ lineWidth: 0 });
}

/** Sets the fields in place: a value's comment stays with it. */
function applyEdit(entry: YAMLMap, edit: KustomizationImageEdit) {
  for (const field of FIELD_ORDER) {
    const value = edit[field];
    if (value === undefined) {
      entry.delete(field);
      continue;
    }
    const existing = entry.get(field, true);
    if (isScalar(existing)) {
      existing.value = value;
      existing.type = Scalar.QUOTE_DOUBLE;
      existing.tag = undefined;
    } else {
      entry.set(field, quoted(value));
    }
  }
}

function newEntry(edit: KustomizationImageEdit): YAMLMap {
  const entry = new YAMLMap();
  entry.set('name', quoted(edit.name));
  for (const field of FIELD_ORDER) {
    const value = edit[field];
    if (value !== undefined) entry.set(field, quoted(value));
  }
  return entry;
}

function quoted(value: string): Scalar {
  const scalar = new Scalar(value);
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

function stringifyNode(node: YAMLMap): string {
  return new Document(node).toString({ lineWidth: 0 });
}

function indentFollowingLines(text: string, column: number): string {
  const pad = ' '.repeat(column);
  return text.replace(/\n(?=.)/g, `\n${pad}`);
}

function assertValidEdit(edit: KustomizationImageEdit) {
  const problem =
    imageNameProblem(edit.name) ??
    (edit.newName === undefined ? undefined : imageNameProblem(edit.newName)) ??
    (isValidTag(edit.newTag)
      ? undefined
      : `newTag '${edit.newTag}' must match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`) ??
    (edit.digest === undefined ? undefined : digestProblem(edit.digest));
  if (problem) {
    throw new KustomizationError(`Cannot set image '${edit.name}': ${problem}`);
  }
}

// The splice works on text; reading the result back proves it wrote what was asked.
function assertLanded(text: string, edit: KustomizationImageEdit) {
  const entry = parseKustomizationImages(text).find(i => i.name === edit.name);
  const landed =
    entry !== undefined &&
    FIELD_ORDER.every(field => entry[field] === edit[field]);
  if (!landed) {
    throw new KustomizationError(
      `Could not write image '${edit.name}' into the kustomization without disturbing it`,
    );
  }
}
