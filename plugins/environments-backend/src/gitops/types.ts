import type {
  CommitSummary,
  InFlightChange,
  KustomizeImage,
  OverlayOwner,
  PreviewEnvironment,
} from '@stageline/plugin-environments-common';

/** Where a repository is: on a GitHub host with an integration, or any plain Git remote. */
export type RepositoryLocation =
  | { type: 'github'; host: string; owner: string; repo: string }
  | { type: 'git'; url: string };

/** A repository an annotation may name, and where it is read and written. */
export type AllowedRepository = {
  /** The annotation value as written; the name shown in responses and logs. */
  name: string;
  /** Where it is read and written. */
  location: RepositoryLocation;
};

/** Commits between two versions of a repository. */
export type GitComparison = {
  commits: CommitSummary[];
  truncated: boolean;
  /** Web page of the comparison, when the host has one. */
  url?: string;
};

/** A pull request as previews and in-flight changes need it. */
export type PullRequestSummary = NonNullable<PreviewEnvironment['pullRequest']>;

/** One entry of a commit's tree, as `git ls-tree -r -t` or GitHub's Trees API list it. */
export type TreeEntry = {
  /** Full path from the repository root, without a leading slash. */
  path: string;
  /** Git file mode: `100644`/`100755` file, `120000` symlink, `160000` submodule, `040000` folder. */
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  /** Object SHA: the blob SHA of a file. */
  sha: string;
  /** Bytes, for files. */
  size?: number;
};

/** An overlay's kustomization file, parsed once per blob. */
export type OverlayKustomization = {
  path: string;
  blobSha: string;
  images: KustomizeImage[];
  /** Its `resources` entries, as written (folders, files or remote references). */
  resources: string[];
};

/**
 * A repository read whole at one commit. Everything it answers is derived from the commit and
 * its blobs, so it never goes stale; a newer head makes a new snapshot.
 */
export interface RepositorySnapshot {
  readonly commitSha: string;
  /** When the head was last confirmed to be this commit. */
  readonly checkedAt: Date;
  /** Names of a folder's entries; undefined when absent. */
  listFolder(path: string): string[] | undefined;
  /**
   * When this process saw the file change to its content at this commit; undefined when it
   * already had it in the first snapshot read (or the file is not a kustomization).
   */
  changedAt(path: string): Date | undefined;
  /**
   * The kustomization of an overlay folder. Throws NotFoundError (no folder, no file) or
   * InputError (several candidate files, a symlink or submodule on the way, an invalid file).
   */
  kustomization(overlayDir: string): Promise<OverlayKustomization>;
  /**
   * Whether the overlay's layout declares a migrations Job: a Job labelled
   * `stageline.io/step: migrations` or running the service's image, in a manifest its
   * kustomization (or a base or component it names, within the repository) lists in `resources`.
   * Answered from the snapshot: manifests are read with it, never per view.
   */
  declaresMigrationsJob(
    overlayDir: string,
    imageName: string | undefined,
  ): Promise<boolean>;
  /**
   * The entity an overlays folder's owner file names; undefined when it has none. Throws
   * InputError for an owner file that is not a regular file or not valid.
   */
  overlayOwner(overlaysPath: string): Promise<OverlayOwner | undefined>;
}

/**
 * One Git repository (a GitOps or a service's source repository) as Stageline reads it: whole
 * snapshots at the branch head, checked at most once per TTL in the background.
 * Failures throw `@backstage/errors` types: NotFoundError (no such repository, ref or commit),
 * ServiceUnavailableError (host unreachable, rate limited), InputError (bad argument).
 */
export interface GitRepository {
  /** The name an annotation used (`owner/repo`, or a configured alias): never a path or a credential. */
  readonly displayName: string;
  /** Browser URL of the repository, when it has one. */
  readonly webUrl?: string;
  /** The newest snapshot: the first call waits for it, later calls never wait for a head check. */
  snapshot(): Promise<RepositorySnapshot>;
  /** Makes the next read check the head now (a push event, a promotion's own write). */
  markStale(): void;
  /** Open change requests whose head branch starts with `branchPrefix` (PRs on GitHub, branches on plain Git), as of the last head check. */
  listChanges(branchPrefix: string): Promise<InFlightChange[]>;
  /** A pull request by number (GitHub only; plain Git returns undefined). */
  getPullRequest(number: number): Promise<PullRequestSummary | undefined>;
  /** Commits reachable from `to` but not from `from` (both commit SHAs), newest first. */
  compare(from: string, to: string): Promise<GitComparison>;
  /** A comparison `compare` already holds in memory, without reading (the fleet's lag). */
  cachedComparison?(from: string, to: string): GitComparison | undefined;
}

/** Finds the repository an annotation names, when config allows it. */
export interface GitRepositoryResolver {
  /**
   * Where the repository an annotation names is read and written; no fetch.
   * @throws NotAllowedError when config does not allow the value.
   */
  locate(value: string, annotation: string): AllowedRepository;
  /**
   * @param value - the annotation's value.
   * @param annotation - the annotation's name, for the error when config does not allow the value.
   * @throws NotAllowedError before any fetch when config does not allow the value.
   */
  resolve(value: string, annotation: string): GitRepository;
}
