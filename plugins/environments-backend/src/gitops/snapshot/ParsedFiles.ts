import {
  KustomizationError,
  OVERLAY_OWNER_FILE,
  parseKustomizationImages,
  type KustomizeImage,
  type OverlayOwner,
} from '@stageline/plugin-environments-common';
import type { TreeEntry } from '../types';
import { OverlayOwnerError, parseOverlayOwner } from './parseOverlayOwner';
import { parseKustomizationResources } from './parseKustomizationResources';
import {
  type DeclaredJob,
  ManifestError,
  parseManifestJobs,
} from './parseManifestJobs';

/**
 * What parsing one file gave: a kustomization's images and resources, an owner file's owner, a
 * manifest's Jobs, or why it is invalid.
 */
export type ParsedFile =
  | { images: KustomizeImage[]; resources: string[] }
  | { owner: OverlayOwner }
  | { jobs: DeclaredJob[] }
  | { error: string };

/** The file names kustomize looks for, in its order. */
export const KUSTOMIZATION_FILE_NAMES = [
  'kustomization.yaml',
  'kustomization.yml',
  'Kustomization',
];

// Parsing yields to the event loop between blobs, so a new head of a repository with thousands
// of overlays never holds up other requests for longer than one (bounded) parse.
const yieldToEventLoop = () => new Promise<void>(r => setImmediate(r));

/**
 * Parse results of the files a snapshot reads (kustomizations and overlay owner files), keyed by
 * kind and blob SHA and shared by every repository and snapshot: a blob is parsed once, its
 * result or error kept. Least recently used entries go first once `maxEntries` is reached.
 */
export class ParsedFiles {
  readonly #entries = new Map<string, ParsedFile>();
  readonly #maxEntries: number;
  /** Parses done so far (for tests and the benchmark). */
  parses = 0;

  constructor(options: { maxEntries?: number } = {}) {
    // An entry is a few hundred bytes: 200,000 cover 50,000 services x 4 overlays.
    this.#maxEntries = options.maxEntries ?? 200_000;
  }

  has(file: TreeEntry): boolean {
    return this.#entries.has(keyOf(file));
  }

  get(file: TreeEntry): ParsedFile | undefined {
    const key = keyOf(file);
    const entry = this.#entries.get(key);
    if (entry) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  /** Parses each file not parsed yet, yielding between them; `blobs` holds contents by blob SHA. */
  async addAll(files: TreeEntry[], blobs: Map<string, Buffer>): Promise<void> {
    for (const file of files) {
      const content = blobs.get(file.sha);
      if (content && !this.has(file)) this.add(file, content);
      await yieldToEventLoop();
    }
  }

  add(file: TreeEntry, content: Buffer): ParsedFile {
    this.parses++;
    const parsed = parse(file, content);
    this.#entries.set(keyOf(file), parsed);
    while (this.#entries.size > this.#maxEntries) {
      this.#entries.delete(this.#entries.keys().next().value!);
    }
    return parsed;
  }
}

/** Whether a path names an overlay owner file. */
export function isOwnerFilePath(path: string): boolean {
  return path === OVERLAY_OWNER_FILE || path.endsWith(`/${OVERLAY_OWNER_FILE}`);
}

/** Whether a path names a kustomization file. */
export function isKustomizationPath(path: string): boolean {
  return KUSTOMIZATION_FILE_NAMES.includes(
    path.slice(path.lastIndexOf('/') + 1),
  );
}

// The same bytes may be a kustomization, an owner file or a manifest: the kind is part of the key.
function keyOf(file: TreeEntry): string {
  if (isOwnerFilePath(file.path)) return `owner:${file.sha}`;
  return isKustomizationPath(file.path) ? file.sha : `manifest:${file.sha}`;
}

function parse(file: TreeEntry, content: Buffer): ParsedFile {
  const text = content.toString('utf8');
  try {
    if (isOwnerFilePath(file.path)) return { owner: parseOverlayOwner(text) };
    if (!isKustomizationPath(file.path)) {
      return { jobs: parseManifestJobs(text) };
    }
    const images = parseKustomizationImages(text);
    return { images, resources: parseKustomizationResources(text) };
  } catch (error) {
    if (error instanceof KustomizationError) return { error: error.message };
    if (error instanceof OverlayOwnerError) return { error: error.message };
    if (error instanceof ManifestError) return { error: error.message };
    throw error;
  }
}
