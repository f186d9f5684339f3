/** One entry of a commit's tree. A plain string in helpers means a regular file. */
export type TreeEntry =
  | { type: 'file'; content: string }
  | { type: 'symlink'; target: string }
  | { type: 'submodule'; url: string; sha: string };

export type ModelCommit = {
  sha: string;
  parents: string[];
  message: string;
  author: { login: string; name: string; email: string };
  date: string;
  /** Full snapshot: path -> entry. */
  files: Map<string, TreeEntry>;
};

export type ModelPull = {
  number: number;
  id: number;
  title: string;
  body: string | null;
  head: string;
  headSha: string;
  base: string;
  user: string;
  /** Head branch lives in a fork (`<user>/<repo>`), not in this repository. */
  fromFork: boolean;
  state: 'open' | 'closed';
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  mergedBy: string | null;
  /** False: GitHub answers a merge with 405 (checks pending, conflicts). Default true. */
  mergeable?: boolean;
};

/** A workflow file that can be dispatched, and how GitHub names its runs. */
export type ModelWorkflow = {
  id: number;
  file: string;
  name: string;
  /** Inputs the workflow declares; others are refused with 422, as on GitHub. */
  inputs: string[];
  /** The workflow's `run-name`, evaluated: the run's `display_title`. */
  runName: (inputs: Record<string, string>) => string;
};

export type ModelWorkflowRun = {
  id: number;
  workflowId: number;
  ref: string;
  headSha: string;
  inputs: Record<string, string>;
  displayTitle: string;
  actor: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: 'success' | 'failure' | 'cancelled' | null;
  createdAt: string;
  updatedAt: string;
};

export type ModelRepo = {
  id: number;
  owner: string;
  name: string;
  fullName: string;
  defaultBranch: string;
  private: boolean;
  createdAt: string;
  branches: Map<string, string>;
  commits: Map<string, ModelCommit>;
  pulls: Map<number, ModelPull>;
  workflows: Map<string, ModelWorkflow>;
  runs: Map<number, ModelWorkflowRun>;
};

/** Changes to apply to a snapshot: content, an entry, or null to delete. */
export type FileChanges = Record<string, string | TreeEntry | null>;
