import type {
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { LiveState } from '@stageline/plugin-environments-common';
import type { Environment } from '../config/Environment';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { EnvironmentDefinition } from '@stageline/plugin-environments-common';
import type { GitRepository, PullRequestSummary } from '../gitops/types';
import type {
  ClusterStateReader,
  NamespaceDeleter,
  NamespaceSummary,
} from '../kubernetes/types';
import type { AuditSink } from '../audit/types';
import type { EntityContext } from '../catalog/EntityContext';

/** Reads a service's pull request by number; undefined when there is none. May throw (GitHub down). */
export type PullRequestResolver = (
  ctx: EntityContext,
  number: number,
) => Promise<PullRequestSummary | undefined>;

/** Who acts on a preview: the actor the audit trail names, and their credentials. */
export type PreviewCaller = {
  /** User entity ref, or `service:<subject>`. */
  actor: string;
  credentials: BackstageCredentials;
};

/** Where audit rows go (the PromotionStore in production). */
export type PreviewAuditSink = AuditSink;

/** What listing a service's previews needs from the read model (ownership confirmed). */
export type PreviewSource = {
  ctx: EntityContext;
  /** The service's chain, namespaces named for it: previews live on its clusters. */
  chain: EnvironmentDefinition[];
  /** The source repository whose pull requests the previews show, or why there is none. */
  sourceRepo?: GitRepository;
  sourceRepoError?: string;
};

/** The read model's side of listing previews: refuses unless the entity owns its overlays. */
export type PreviewOwners = {
  readPreviewSource(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<PreviewSource>;
};

/** What the preview lifecycle takes from config. */
export type PreviewLifecycleConfig = {
  /** e.g. `feature-pr-{number}`. */
  namespacePattern: string;
  ttlMs: number;
  reaper: {
    /** Log and audit what would be deleted; delete nothing. */
    dryRun: boolean;
    /** At most this many deletions per run; the rest wait for the next run. Default 20. */
    maxDeletionsPerRun?: number;
  };
  /** Chains, for the clusters a service's previews may live on. */
  chains: Map<string, Array<Pick<Environment, 'definition'>>>;
};

/** Options of the PreviewService constructor. */
export type PreviewServiceOptions = {
  clusters: ClusterStateReader;
  deleter: NamespaceDeleter;
  overrides: PreviewOverrideStore;
  audit: PreviewAuditSink;
  getPullRequest: PullRequestResolver;
  /** Confirms ownership before a list; without it, listing previews is refused. */
  owners?: PreviewOwners;
  /** The services the reaper looks after (catalog entities with Stageline annotations). */
  listServices: () => Promise<EntityContext[]>;
  config: PreviewLifecycleConfig;
  logger: LoggerService;
  clock?: { now(): Date };
  /**
   * Checks the caller's permissions on the other services a shared namespace holds. Without it,
   * every action on a shared namespace is refused.
   */
  permissions?: PermissionsService;
};

/** A preview namespace that matches the pattern and holds the service's workloads. */
export type PreviewCandidate = {
  cluster: string;
  namespace: NamespaceSummary;
  /** Pull request number from the namespace name. */
  number: number;
  /** The service's workloads in it. */
  live: LiveState;
};

/** What the reaper did, or would do, with one preview namespace. */
export type ReapOutcome = {
  entityRef: string;
  cluster: string;
  namespace: string;
  action:
    | 'deleted'
    | 'would-delete'
    | 'kept'
    | 'skipped'
    | 'refused'
    | 'failed';
  reason: string;
};

/** A run of the reaper. */
export type ReapReport = {
  dryRun: boolean;
  outcomes: ReapOutcome[];
  /** Services or clusters that could not be inspected, and why. */
  errors: Array<{ entityRef?: string; cluster?: string; message: string }>;
};

/** Why a preview should go, or why it stays. */
export type ReapVerdict =
  | { remove: true; reason: string }
  | { remove: false; action: 'kept' | 'skipped'; reason: string };

/** The lifecycle facts of one preview the verdict is based on. */
export type PreviewFacts = {
  candidate: PreviewCandidate;
  pullRequest?: PullRequestSummary;
  /** Why the pull request could not be read, when it could not. */
  pullRequestError?: string;
  override?: PreviewOverride;
};

/** A person's override of a preview's lifecycle, kept in the database. */
export type PreviewOverride = {
  cluster: string;
  namespace: string;
  /** Pinned: the reaper never deletes it. */
  keep: boolean;
  /** Extended: the TTL expiry moved to this time. */
  expiresAt?: string;
  updatedBy: string;
  updatedAt: string;
};

/** Keep pins and TTL extensions of previews. */
export interface PreviewOverrideStore {
  listPreviewOverrides(cluster: string): Promise<PreviewOverride[]>;
  setPreviewOverride(
    override: Omit<PreviewOverride, 'updatedAt'>,
  ): Promise<PreviewOverride>;
  /** After the namespace is deleted. */
  deletePreviewOverride(cluster: string, namespace: string): Promise<void>;
}
