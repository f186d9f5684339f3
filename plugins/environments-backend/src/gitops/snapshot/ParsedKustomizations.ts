import {
  KustomizationError,
  parseKustomizationImages,
  type KustomizeImage,
} from '@stageline/plugin-environments-common';

/** What parsing one blob gave: its images, or why it is not a valid kustomization. */
export type ParsedKustomization =
  | { images: KustomizeImage[] }
  | { error: string };

// Parsing yields to the event loop between blobs, so a new head of a repository with thousands
// of overlays never holds up other requests for longer than one (bounded) parse.
const yieldToEventLoop = () => new Promise<void>(r => setImmediate(r));

/**
 * Parse results of kustomization blobs, keyed by blob SHA and shared by every repository and
 * snapshot: a blob is parsed once, its result or error kept. Least recently used entries go
 * first once `maxEntries` is reached.
 */
export class ParsedKustomizations {
  readonly #entries = new Map<string, ParsedKustomization>();
  readonly #maxEntries: number;
  /** Parses done so far (for tests and the benchmark). */
  parses = 0;

  constructor(options: { maxEntries?: number } = {}) {
    // An entry is a few hundred bytes: 200,000 cover 50,000 services x 4 overlays.
    this.#maxEntries = options.maxEntries ?? 200_000;
  }

  has(blobSha: string): boolean {
    return this.#entries.has(blobSha);
  }

  get(blobSha: string): ParsedKustomization | undefined {
    const entry = this.#entries.get(blobSha);
    if (entry) {
      this.#entries.delete(blobSha);
      this.#entries.set(blobSha, entry);
    }
    return entry;
  }

  /** Parses each blob not parsed yet, yielding between them. */
  async addAll(blobs: Map<string, Buffer>): Promise<void> {
    for (const [sha, content] of blobs) {
      if (!this.#entries.has(sha)) this.add(sha, content);
      await yieldToEventLoop();
    }
  }

  add(blobSha: string, content: Buffer): ParsedKustomization {
    this.parses++;
    const parsed = parse(content);
    this.#entries.set(blobSha, parsed);
    while (this.#entries.size > this.#maxEntries) {
      this.#entries.delete(this.#entries.keys().next().value!);
    }
    return parsed;
  }
}

function parse(content: Buffer): ParsedKustomization {
  try {
    return { images: parseKustomizationImages(content.toString('utf8')) };
  } catch (error) {
    if (error instanceof KustomizationError) return { error: error.message };
    throw error;
  }
}
