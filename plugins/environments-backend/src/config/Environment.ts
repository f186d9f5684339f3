import type {
  EnvironmentDefinition,
  ExecutionMode,
} from '@stageline/plugin-environments-common';
import type { EnvironmentAgentConfig } from './agentSchema';
import type { VerificationConfig } from './verificationSchema';

/** A freeze window: a fixed time range, or a weekly recurring one in a time zone. */
export type FreezeWindow =
  | { start: Date; end: Date; reason?: string }
  | {
      /** Days of the week, `mon`..`sun`. Empty or absent: every day. */
      days: Array<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'>;
      /** `HH:MM`, inclusive. */
      from: string;
      /** `HH:MM`, exclusive; `24:00` is the end of the day; a `to` before `from` crosses midnight. */
      to: string;
      /** IANA time zone, default `UTC`. */
      timeZone: string;
      reason?: string;
    };

/** Gates that guard promotion INTO an environment (config `environments.chains.<c>[].gates`). */
export type GatesConfig = {
  /** The source must have been healthy for at least this long. 0: healthy now. */
  healthyForMs: number;
  /** The version must have run in the source for at least this long. */
  soakTimeMs: number;
  /** Distinct approvers other than the requester. */
  approvals: number;
  freezeWindows: FreezeWindow[];
  /** The version must have passed verification in the source environment. */
  verifiedInSource: boolean;
  /** A freeze window of this environment also blocks rollbacks into it (approvals never do). */
  freezeBlocksRollback: boolean;
};

/** How promotions into an environment are executed (defaults from `environments.gitops`). */
export type ExecutionConfig = {
  mode: ExecutionMode;
  /** Pull-request mode: merge the pull request as soon as GitHub reports it mergeable. */
  autoMerge: boolean;
  /** workflow-dispatch mode: the workflow file (e.g. `deploy.yml`) and the ref it runs on. */
  workflow?: { file: string; ref: string };
  /** How long after the write the target may take to run the version healthy. */
  rolloutTimeoutMs: number;
};

/** How promotions are executed where an environment says nothing: `environments.gitops`. */
export type ExecutionDefaults = {
  mode: ExecutionMode;
  autoMerge: boolean;
  rolloutTimeoutMs: number;
  workflow?: { file: string; ref?: string };
  /** The GitOps branch: the ref a dispatched workflow runs on unless one is given. */
  branch: string;
};

/** One entry of `environments.links`: a titled URL template, for some environments or all. */
export type LinkTemplate = {
  title: string;
  url: string;
  /** The environments it applies to; absent: every environment. */
  environments?: string[];
};

/** Everything the promotion engine knows about one environment of a chain. */
export type EnvironmentPolicy = {
  gates: GatesConfig;
  execution: ExecutionConfig;
  /** Users or groups told when a promotion into it awaits approval; default the service's owners. */
  approvers?: string[];
  /** What is checked after a promotion into it rolled out; absent: nothing, it succeeds at once. */
  verification?: VerificationConfig;
};

/**
 * One environment of a chain as config defines it: where it runs, the gates and execution of
 * promotions into it, and the links shown for it.
 */
export type Environment = EnvironmentPolicy & {
  definition: EnvironmentDefinition;
  /** The `environments.links` templates that apply to this environment, in config order. */
  links: LinkTemplate[];
  /** The GitOps agent object config names for it (`agent`), when matching is not enough. */
  agent?: EnvironmentAgentConfig;
};
