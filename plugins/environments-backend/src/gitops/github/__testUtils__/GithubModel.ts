import type {
  TreeEntry,
  ModelCommit,
  ModelPull,
  ModelWorkflow,
  ModelWorkflowRun,
  ModelRepo,
  FileChanges,
} from './modelTypes';
import { applyChanges, fakeSha } from './modelSnapshots';

/**
 * The state behind the GitHub stand-in: repositories with branches, commits (full snapshots),
 * and pull requests. Time is a deterministic clock advancing one minute per change, so commit
 * order and dates are stable in tests.
 */
export class GithubModel {
  readonly repos = new Map<string, ModelRepo>();
  #clock = Date.parse('2024-01-01T00:00:00Z');
  #ids = 1000;

  addRepo(
    fullName: string,
    options: {
      defaultBranch?: string;
      files?: FileChanges;
      private?: boolean;
    } = {},
  ): ModelRepo {
    const [owner, name] = fullName.split('/');
    const repo: ModelRepo = {
      id: this.#ids++,
      owner,
      name,
      fullName,
      defaultBranch: options.defaultBranch ?? 'main',
      private: options.private ?? true,
      createdAt: this.#tick(),
      branches: new Map(),
      commits: new Map(),
      pulls: new Map(),
      workflows: new Map(),
      runs: new Map(),
    };
    this.repos.set(fullName.toLowerCase(), repo);
    const sha = this.#addCommit(repo, {
      parents: [],
      files: applyChanges(new Map(), options.files ?? {}),
      message: 'Initial commit',
      author: 'octocat',
    });
    repo.branches.set(repo.defaultBranch, sha);
    return repo;
  }

  repo(fullName: string): ModelRepo | undefined {
    return this.repos.get(fullName.toLowerCase());
  }

  /** Adds a commit on `branch` (default branch unless given) that changes `files` (null deletes). */
  commit(
    fullName: string,
    options: {
      branch?: string;
      files: FileChanges;
      message: string;
      author?: string;
    },
  ): string {
    const repo = this.#mustRepo(fullName);
    const branch = options.branch ?? repo.defaultBranch;
    const parent = this.#mustBranch(repo, branch);
    const sha = this.#addCommit(repo, {
      parents: [parent],
      files: applyChanges(repo.commits.get(parent)!.files, options.files),
      message: options.message,
      author: options.author ?? 'octocat',
    });
    repo.branches.set(branch, sha);
    this.#touchPullsOf(repo, branch, sha);
    return sha;
  }

  createBranch(fullName: string, branch: string, from?: string): string {
    const repo = this.#mustRepo(fullName);
    const sha = this.#mustBranch(repo, from ?? repo.defaultBranch);
    repo.branches.set(branch, sha);
    return sha;
  }

  deleteBranch(fullName: string, branch: string) {
    this.#mustRepo(fullName).branches.delete(branch);
  }

  openPullRequest(
    fullName: string,
    options: {
      head: string;
      base?: string;
      title: string;
      body?: string;
      user?: string;
      fromFork?: boolean;
    },
  ): number {
    const repo = this.#mustRepo(fullName);
    const now = this.#tick();
    const number = repo.pulls.size + 1;
    repo.pulls.set(number, {
      number,
      id: this.#ids++,
      title: options.title,
      body: options.body ?? null,
      head: options.head,
      headSha: options.fromFork
        ? fakeSha(`fork:${options.head}:${number}`)
        : this.#mustBranch(repo, options.head),
      base: options.base ?? repo.defaultBranch,
      user: options.user ?? 'octocat',
      fromFork: options.fromFork ?? false,
      state: 'open',
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      mergedAt: null,
      mergeCommitSha: null,
      mergedBy: null,
    });
    return number;
  }

  /**
   * Merges with a merge commit named as GitHub names it. Simplification: the merge result is
   * the head branch's snapshot (right when the head branched from the base's tip).
   */
  mergePullRequest(
    fullName: string,
    number: number,
    options: { user?: string } = {},
  ): string {
    const repo = this.#mustRepo(fullName);
    const pull = this.#mustPull(repo, number);
    const base = this.#mustBranch(repo, pull.base);
    const sha = this.#addCommit(repo, {
      parents: [base, pull.headSha],
      files: new Map(repo.commits.get(pull.headSha)!.files),
      message: `Merge pull request #${number} from ${repo.owner}/${pull.head}\n\n${pull.title}`,
      author: options.user ?? 'octocat',
    });
    repo.branches.set(pull.base, sha);
    const now = this.#tick();
    Object.assign(pull, {
      state: 'closed',
      mergedAt: now,
      closedAt: now,
      updatedAt: now,
      mergeCommitSha: sha,
      mergedBy: options.user ?? 'octocat',
    });
    return sha;
  }

  closePullRequest(fullName: string, number: number) {
    const pull = this.#mustPull(this.#mustRepo(fullName), number);
    const now = this.#tick();
    Object.assign(pull, { state: 'closed', closedAt: now, updatedAt: now });
  }

  /** Declares a workflow with a `workflow_dispatch` trigger. */
  addWorkflow(
    fullName: string,
    file: string,
    options: {
      inputs?: string[];
      runName?: (inputs: Record<string, string>) => string;
    } = {},
  ): ModelWorkflow {
    const workflow: ModelWorkflow = {
      id: this.#ids++,
      file,
      name: `Deploy (${file})`,
      inputs: options.inputs ?? [
        'environment',
        'image',
        'digest',
        'promotion_id',
      ],
      runName:
        options.runName ??
        (inputs => `Deploy ${inputs.environment} (${inputs.promotion_id})`),
    };
    this.#mustRepo(fullName).workflows.set(file, workflow);
    return workflow;
  }

  /** Starts a queued run of `workflow` on `ref`, as a dispatch does. */
  dispatchWorkflow(
    fullName: string,
    workflow: ModelWorkflow,
    input: { ref: string; inputs: Record<string, string>; actor?: string },
  ): ModelWorkflowRun {
    const repo = this.#mustRepo(fullName);
    const now = this.#tick();
    const run: ModelWorkflowRun = {
      id: this.#ids++,
      workflowId: workflow.id,
      ref: input.ref,
      headSha: this.#mustBranch(repo, input.ref),
      inputs: input.inputs,
      displayTitle: workflow.runName(input.inputs),
      actor: input.actor ?? 'stageline-bot',
      status: 'queued',
      conclusion: null,
      createdAt: now,
      updatedAt: now,
    };
    repo.runs.set(run.id, run);
    return run;
  }

  /** Ends a run with `conclusion`. */
  completeRun(
    fullName: string,
    runId: number,
    conclusion: NonNullable<ModelWorkflowRun['conclusion']>,
  ) {
    const run = this.#mustRepo(fullName).runs.get(runId);
    if (!run) throw new Error(`Stand-in has no workflow run ${runId}`);
    Object.assign(run, {
      status: 'completed',
      conclusion,
      updatedAt: this.#tick(),
    });
  }

  /** A branch name or a commit SHA (full or at least 7 characters) as a commit. */
  resolve(repo: ModelRepo, ref: string): ModelCommit | undefined {
    const sha = repo.branches.get(ref) ?? ref;
    if (sha.length < 7) return undefined;
    return [...repo.commits.values()].find(c => c.sha.startsWith(sha));
  }

  /** All commits reachable from `sha`, newest first. */
  ancestors(repo: ModelRepo, sha: string): ModelCommit[] {
    const seen = new Map<string, ModelCommit>();
    const queue = [sha];
    while (queue.length) {
      const commit = repo.commits.get(queue.shift()!);
      if (commit && !seen.has(commit.sha)) {
        seen.set(commit.sha, commit);
        queue.push(...commit.parents);
      }
    }
    return [...seen.values()].sort((a, b) => b.date.localeCompare(a.date));
  }

  #addCommit(
    repo: ModelRepo,
    input: {
      parents: string[];
      files: Map<string, TreeEntry>;
      message: string;
      author: string;
    },
  ): string {
    const date = this.#tick();
    const sha = fakeSha(
      `${repo.fullName}\n${input.parents.join(',')}\n${input.message}\n${date}`,
    );
    repo.commits.set(sha, {
      sha,
      parents: input.parents,
      message: input.message,
      author: {
        login: input.author,
        name: `${input.author} (name)`,
        email: `${input.author}@example.com`,
      },
      date,
      files: input.files,
    });
    return sha;
  }

  #touchPullsOf(repo: ModelRepo, branch: string, sha: string) {
    for (const pull of repo.pulls.values()) {
      if (pull.head === branch && pull.state === 'open' && !pull.fromFork) {
        Object.assign(pull, { headSha: sha, updatedAt: this.#tick() });
      }
    }
  }

  #mustRepo(fullName: string): ModelRepo {
    const repo = this.repo(fullName);
    if (!repo) throw new Error(`Stand-in has no repository ${fullName}`);
    return repo;
  }

  #mustBranch(repo: ModelRepo, branch: string): string {
    const sha = repo.branches.get(branch);
    if (!sha)
      throw new Error(
        `Stand-in repository ${repo.fullName} has no branch ${branch}`,
      );
    return sha;
  }

  #mustPull(repo: ModelRepo, number: number): ModelPull {
    const pull = repo.pulls.get(number);
    if (!pull)
      throw new Error(
        `Stand-in repository ${repo.fullName} has no pull request #${number}`,
      );
    return pull;
  }

  #tick(): string {
    this.#clock += 60_000;
    return new Date(this.#clock).toISOString().replace('.000Z', 'Z');
  }
}
