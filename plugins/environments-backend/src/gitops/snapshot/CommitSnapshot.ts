import { InputError, NotFoundError } from '@backstage/errors';
import {
  KUSTOMIZATION_MAX_BYTES,
  OVERLAY_OWNER_FILE,
  type OverlayOwner,
} from '@stageline/plugin-environments-common';
import { assertSafeRepoPath } from '../assertSafeRepoPath';
import type {
  OverlayKustomization,
  RepositorySnapshot,
  TreeEntry,
} from '../types';
import {
  isKustomizationPath,
  isOwnerFilePath,
  KUSTOMIZATION_FILE_NAMES,
  type ParsedFiles,
} from './ParsedFiles';
import { resolveResourcePath } from './resolveResourcePath';

// How deep `resources` are followed (overlay, base, components of the base...): kustomize
// layouts are shallow, and a cycle stops at the visited set anyway.
const MAX_RESOURCE_DEPTH = 8;

const REGULAR_FILE_MODES = new Set(['100644', '100755']);
const MODE_NAMES: Record<string, string> = {
  '120000': 'symlink',
  '160000': 'submodule',
  '040000': 'folder',
};

/** Whether a tree entry is a file a snapshot parses ahead of any view: a kustomization or an owner file. */
export function isParsedAhead(entry: TreeEntry): boolean {
  const name = entry.path.slice(entry.path.lastIndexOf('/') + 1);
  return (
    entry.type === 'blob' &&
    REGULAR_FILE_MODES.has(entry.mode) &&
    (entry.size ?? 0) <= KUSTOMIZATION_MAX_BYTES &&
    (KUSTOMIZATION_FILE_NAMES.includes(name) || isOwnerFilePath(entry.path))
  );
}

/**
 * A repository at one commit: its tree indexed by folder, and kustomizations answered from the
 * shared parse results (a blob missing there, evicted under memory pressure, is read again).
 */
export class CommitSnapshot implements RepositorySnapshot {
  readonly commitSha: string;
  checkedAt: Date;
  readonly #displayName: string;
  readonly #folders = new Map<string, Map<string, TreeEntry>>();
  readonly #entries = new Map<string, TreeEntry>();
  readonly #parsed: ParsedFiles;
  readonly #reload: (files: TreeEntry[]) => Promise<void>;
  readonly #changedAt: ReadonlyMap<string, Date>;

  constructor(options: {
    commitSha: string;
    checkedAt: Date;
    displayName: string;
    tree: TreeEntry[];
    parsed: ParsedFiles;
    /** Reads and parses files whose parse result is not (or no longer) kept. */
    reload: (files: TreeEntry[]) => Promise<void>;
    /** When files got their content at this commit, as far as this process saw it happen. */
    changedAt?: ReadonlyMap<string, Date>;
  }) {
    this.#changedAt = options.changedAt ?? new Map();
    this.commitSha = options.commitSha;
    this.checkedAt = options.checkedAt;
    this.#displayName = options.displayName;
    this.#parsed = options.parsed;
    this.#reload = options.reload;
    this.#folders.set('', new Map());
    for (const entry of options.tree) {
      this.#entries.set(entry.path, entry);
      const slash = entry.path.lastIndexOf('/');
      const folder = slash < 0 ? '' : entry.path.slice(0, slash);
      let children = this.#folders.get(folder);
      if (!children) {
        children = new Map();
        this.#folders.set(folder, children);
      }
      children.set(entry.path.slice(slash + 1), entry);
    }
  }

  /** The blob SHA of a file, undefined when absent. */
  blobShaAt(path: string): string | undefined {
    const entry = this.#entries.get(path);
    return entry?.type === 'blob' ? entry.sha : undefined;
  }

  changedAt(path: string): Date | undefined {
    return this.#changedAt.get(path);
  }

  listFolder(path: string): string[] | undefined {
    assertSafeRepoPath(path, { allowRoot: true });
    const dir = path.replace(/\/+$/, '');
    this.#refuseLinksOnTheWay(dir);
    const children = this.#folders.get(dir);
    if (!children) {
      const entry = this.#entries.get(dir);
      if (entry) throw this.#notAFolder(dir, entry);
      return undefined;
    }
    return [...children.keys()];
  }

  async kustomization(overlayDir: string): Promise<OverlayKustomization> {
    const dir = overlayDir.replace(/\/+$/, '');
    const names = this.listFolder(dir);
    if (!names) {
      throw new NotFoundError(
        `No overlay folder '${dir}' in ${this.#displayName}`,
      );
    }
    const candidates = KUSTOMIZATION_FILE_NAMES.filter(n => names.includes(n));
    if (candidates.length > 1) {
      // Like kustomize: refuse rather than pick one, so Stageline never reads another file.
      throw new InputError(
        `Overlay folder '${dir}' in ${
          this.#displayName
        } has several kustomization files (${candidates.join(
          ', ',
        )}); keep exactly one`,
      );
    }
    if (!candidates.length) {
      throw new NotFoundError(
        `No ${KUSTOMIZATION_FILE_NAMES.join(
          ', ',
        )} in overlay folder '${dir}' of ${this.#displayName}`,
      );
    }
    const entry = this.#entries.get(`${dir}/${candidates[0]}`)!;
    this.#assertReadable(entry);
    const parsed = await this.#parse(entry);
    if (!('images' in parsed)) {
      throw new InputError(`'${entry.path}' is not a kustomization`);
    }
    return {
      path: entry.path,
      blobSha: entry.sha,
      images: parsed.images,
      resources: parsed.resources,
    };
  }

  /**
   * The manifest files the tree's kustomizations name in `resources` (inside the repository,
   * regular YAML files within the size limit): what a snapshot reads after its kustomizations,
   * so that views never read a file.
   */
  referencedManifests(): TreeEntry[] {
    const manifests = new Map<string, TreeEntry>();
    for (const entry of this.#entries.values()) {
      if (!isParsedAhead(entry) || !isKustomizationPath(entry.path)) continue;
      const parsed = this.#parsed.get(entry);
      if (!parsed || !('resources' in parsed)) continue;
      for (const resource of parsed.resources) {
        const file = this.#manifestAt(folderOf(entry.path), resource);
        if (file) manifests.set(file.path, file);
      }
    }
    return [...manifests.values()];
  }

  async declaresMigrationsJob(
    overlayDir: string,
    imageName: string | undefined,
  ): Promise<boolean> {
    const visited = new Set<string>();
    const visit = async (dir: string, depth: number): Promise<boolean> => {
      if (visited.has(dir) || depth > MAX_RESOURCE_DEPTH) return false;
      visited.add(dir);
      const { resources } = await this.kustomization(dir);
      for (const resource of resources) {
        const path = resolveResourcePath(dir, resource);
        if (path === undefined) continue;
        if (this.#folders.has(path)) {
          // A base or component folder; one that is not a valid kustomization fails kustomize
          // itself, so it declares nothing Stageline could wait for.
          const found = await visit(path, depth + 1).catch(() => false);
          if (found) return true;
          continue;
        }
        const file = this.#manifestAt(dir, resource);
        if (!file) continue;
        const parsed = await this.#parse(file).catch(() => undefined);
        if (!parsed || !('jobs' in parsed)) continue;
        const migrations = parsed.jobs.some(
          job =>
            job.labelledMigrations ||
            (imageName !== undefined && job.imageNames.includes(imageName)),
        );
        if (migrations) return true;
      }
      return false;
    };
    return visit(overlayDir.replace(/\/+$/, ''), 0);
  }

  #manifestAt(folder: string, resource: string): TreeEntry | undefined {
    const path = resolveResourcePath(folder, resource);
    const entry = path === undefined ? undefined : this.#entries.get(path);
    if (
      !entry ||
      entry.type !== 'blob' ||
      !REGULAR_FILE_MODES.has(entry.mode) ||
      (entry.size ?? 0) > KUSTOMIZATION_MAX_BYTES ||
      !/\.ya?ml$/.test(entry.path) ||
      isKustomizationPath(entry.path) ||
      isOwnerFilePath(entry.path)
    ) {
      return undefined;
    }
    return entry;
  }

  /**
   * Who owns an overlays folder, as its owner file says; undefined when the folder has none.
   * Throws InputError for an owner file that is not a regular file or not valid.
   */
  async overlayOwner(overlaysPath: string): Promise<OverlayOwner | undefined> {
    const dir = overlaysPath.replace(/\/+$/, '');
    if (!this.listFolder(dir)?.includes(OVERLAY_OWNER_FILE)) return undefined;
    const entry = this.#entries.get(`${dir}/${OVERLAY_OWNER_FILE}`)!;
    this.#assertReadable(entry);
    const parsed = await this.#parse(entry);
    if (!('owner' in parsed)) {
      throw new InputError(`'${entry.path}' is not an owner file`);
    }
    return parsed.owner;
  }

  async #parse(entry: TreeEntry) {
    if (!this.#parsed.has(entry)) await this.#reload([entry]);
    const parsed = this.#parsed.get(entry);
    if (!parsed) {
      throw new NotFoundError(
        `'${entry.path}' could not be read from ${this.#displayName}`,
      );
    }
    if ('error' in parsed) {
      throw new InputError(
        `'${entry.path}' in ${this.#displayName}: ${parsed.error}`,
      );
    }
    return parsed;
  }

  #assertReadable(entry: TreeEntry) {
    const kind =
      MODE_NAMES[entry.mode] ??
      (entry.type !== 'blob' ? entry.type : undefined);
    if (kind) {
      throw new InputError(
        `'${entry.path}' in ${
          this.#displayName
        } is a ${kind}, an unsupported file type: Stageline reads regular files only`,
      );
    }
    if ((entry.size ?? 0) > KUSTOMIZATION_MAX_BYTES) {
      throw new InputError(
        `'${entry.path}' in ${
          this.#displayName
        } is larger than ${KUSTOMIZATION_MAX_BYTES} bytes`,
      );
    }
  }

  // A symlinked folder could point a staging overlay at production's: never follow one.
  #refuseLinksOnTheWay(dir: string) {
    const parts = dir ? dir.split('/') : [];
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      const entry = this.#entries.get(prefix);
      if (entry && entry.type !== 'tree') throw this.#notAFolder(prefix, entry);
    }
  }

  #notAFolder(path: string, entry: TreeEntry) {
    const kind = MODE_NAMES[entry.mode] ?? 'file';
    return new InputError(
      `'${path}' in ${
        this.#displayName
      } is a ${kind}, not a folder (Stageline does not follow symlinks)`,
    );
  }
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
