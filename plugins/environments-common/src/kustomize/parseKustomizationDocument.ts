import {
  Document,
  isAlias,
  isMap,
  isNode,
  parseAllDocuments,
  visit,
} from 'yaml';
import { KUSTOMIZATION_MAX_BYTES } from './KUSTOMIZATION_MAX_BYTES';
import { KustomizationError } from './KustomizationError';

/**
 * Parses a kustomization into one YAML 1.2 document, refusing what could make our reading differ
 * from kustomize's or be expensive: oversized text, several documents, syntax errors, duplicate
 * keys, unresolved tags, anchors and aliases, and `%YAML 1.1` (which changes how scalars resolve).
 * Returns undefined for an empty file.
 */
export function parseKustomizationDocument(
  text: string,
): Document.Parsed | undefined {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > KUSTOMIZATION_MAX_BYTES) {
    throw new KustomizationError(
      `kustomization is ${bytes} bytes, more than the ${KUSTOMIZATION_MAX_BYTES} bytes Stageline reads`,
    );
  }
  const docs = parseAllDocuments(text, { uniqueKeys: true });
  if (docs.length === 0) return undefined;
  if (docs.length > 1) {
    throw new KustomizationError(
      'kustomization holds several YAML documents; it must hold one',
    );
  }
  const doc = docs[0];
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    throw new KustomizationError(
      `kustomization is not valid YAML: ${firstLine(problem.message)}`,
    );
  }
  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2') {
    throw new KustomizationError(
      `kustomization has a '%YAML ${doc.directives.yaml.version}' directive, which changes how values are read; remove it`,
    );
  }
  refuseAnchors(doc);
  if (doc.contents !== null && !isEmptyScalar(doc) && !isMap(doc.contents)) {
    throw new KustomizationError('kustomization must be a mapping of fields');
  }
  return doc;
}

function refuseAnchors(doc: Document.Parsed) {
  visit(doc, (_key, node) => {
    if (isAlias(node) || (isNode(node) && node.anchor)) {
      throw new KustomizationError(
        'kustomization uses YAML anchors or aliases (& or *), which Stageline does not accept; write the values out',
      );
    }
  });
}

function isEmptyScalar(doc: Document.Parsed) {
  const contents = doc.contents as { value?: unknown; items?: unknown };
  return contents.items === undefined && contents.value === null;
}

function firstLine(message: string) {
  return message.split('\n')[0].replace(/:$/, '');
}
