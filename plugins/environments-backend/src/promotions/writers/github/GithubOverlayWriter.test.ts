import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { parseKustomizationImages } from '@stageline/plugin-environments-common';
import { setupServer } from 'msw/node';
import { createGithubStandIn } from '../../../gitops/github/__testUtils__/createGithubStandIn';
import type { GithubStandIn } from '../../../gitops/github/__testUtils__/GithubStandIn';
import type { OverlayWriteRequest } from '../types';
import { aCheckoutStagingWrite } from '../__testUtils__/anOverlayWrite';
import { editOverlay } from '../editOverlay';
import { fakeTiming } from '../fakeTiming';
import { testGithubOverlayWriter } from './testGithubOverlayWriter';

const TOKEN = 'ghp_writer_canary_0123456789';
const REPO = 'acme/gitops';
const PATH = 'k8s/overlays/staging/kustomization.yaml';
const NAME = 'ghcr.io/acme/checkout';
const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;
const OVERLAY = `# staging overlay: edited by Stageline
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization    # spacing kept
resources:
    - ../../base
images:
  - name: ${NAME}   # promoted
    newTag: "0aaaaaa"
  - name: redis
    newTag: '7.2'
`;

const server = setupServer();
registerMswTestHooks(server);

let standIn: GithubStandIn;
let timing: ReturnType<typeof fakeTiming>;

beforeEach(() => {
  standIn = createGithubStandIn({ token: TOKEN });
  server.use(...standIn.handlers);
  standIn.model.addRepo(REPO, { files: { [PATH]: OVERLAY } });
  timing = fakeTiming();
});

function writer(options: { logger?: LoggerService } = {}) {
  return testGithubOverlayWriter({ token: TOKEN, timing, ...options });
}

function request(
  overrides: Partial<OverlayWriteRequest> = {},
): OverlayWriteRequest {
  return aCheckoutStagingWrite(
    { path: PATH, image: { name: NAME, tag: '1e10', digest: DIGEST } },
    overrides,
  );
}

function fileOn(branch: string, path = PATH) {
  const repo = standIn.model.repo(REPO)!;
  const entry = repo.commits.get(repo.branches.get(branch)!)!.files.get(path);
  return entry?.type === 'file' ? entry.content : undefined;
}

/** Someone else's commit on `branch` carrying the promotion's trailer; returns its SHA. */
function spoofedCommit(
  files: Record<string, string>,
  options: { branch?: string; promotionId?: string } = {},
) {
  return standIn.model.commit(REPO, {
    branch: options.branch,
    files,
    message: `Bump checkout\n\nStageline-Promotion: ${
      options.promotionId ?? 'p-1'
    }`,
    author: 'mallory',
  });
}

function commitsWithTrailer(id: string) {
  return [...standIn.model.repo(REPO)!.commits.values()].filter(c =>
    c.message.includes(`Stageline-Promotion: ${id}`),
  );
}

describe('GithubOverlayWriter', () => {
  describe('commit mode', () => {
    it('commits only the images entry on the base branch, with the blob SHA and the trailer', async () => {
      const result = await writer().write(request());
      const main = standIn.model.repo(REPO)!.branches.get('main')!;
      expect(result).toEqual({
        mode: 'commit',
        links: {
          commit: {
            sha: main,
            url: `https://github.com/${REPO}/commit/${main}`,
          },
        },
        alreadyWritten: false,
      });
      const content = fileOn('main')!;
      expect(content).toBe(
        OVERLAY.replace(
          `  - name: ${NAME}   # promoted\n    newTag: "0aaaaaa"\n`,
          `  - name: ${NAME} # promoted\n    newTag: "1e10"\n    digest: "${DIGEST}"\n`,
        ),
      );
      expect(parseKustomizationImages(content)[0]).toEqual({
        name: NAME,
        newTag: '1e10',
        digest: DIGEST,
      });
      expect(commitsWithTrailer('p-1')).toHaveLength(1);
      expect(
        standIn.requests.entries.find(e => e.method === 'PUT'),
      ).toMatchObject({ status: 200, authorization: `Bearer ${TOKEN}` });
    });

    it('re-reads after a stale SHA, calls onConflict, and lands on top of the other change', async () => {
      standIn.failNext(
        {
          kind: 'race',
          change: model =>
            model.commit(REPO, {
              files: { [PATH]: `# hotfix by hand\n${OVERLAY}` },
              message: 'Hotfix',
            }),
        },
        { method: 'PUT', path: '/contents/' },
      );
      const onConflict = jest.fn(async () => {});
      const result = await writer().write(request({ onConflict }));
      expect(onConflict).toHaveBeenCalledTimes(1);
      expect(result.alreadyWritten).toBe(false);
      const content = fileOn('main')!;
      expect(content.startsWith('# hotfix by hand\n')).toBe(true);
      expect(parseKustomizationImages(content)[0].newTag).toBe('1e10');
      const statuses = standIn.requests.entries
        .filter(e => e.method === 'PUT')
        .map(e => e.status);
      expect(statuses).toEqual([409, 200]);
      expect(timing.sleeps).toHaveLength(1);
    });

    it('gives up with a 409 after three conflicts, writing nothing', async () => {
      for (let i = 0; i < 3; i++) {
        standIn.failNext(
          {
            kind: 'race',
            change: model =>
              model.commit(REPO, {
                files: { [PATH]: `${OVERLAY}# change ${i}\n` },
                message: `Change ${i}`,
              }),
          },
          { method: 'PUT', path: '/contents/' },
        );
      }
      const onConflict = jest.fn(async () => {});
      await expect(
        writer().write(request({ onConflict })),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringMatching(/kept changing .* \(3 attempts\)/),
      });
      expect(onConflict).toHaveBeenCalledTimes(2);
      expect(commitsWithTrailer('p-1')).toHaveLength(0);
      expect(standIn.requests.count(409)).toBe(3);
    });

    it('stops when onConflict says the promotion no longer passes', async () => {
      standIn.failNext(
        {
          kind: 'race',
          change: model =>
            model.commit(REPO, {
              files: { [PATH]: `${OVERLAY}#\n` },
              message: 'x',
            }),
        },
        { method: 'PUT' },
      );
      const gateClosed = new Error('freeze window');
      await expect(
        writer().write(
          request({
            onConflict: async () => {
              throw gateClosed;
            },
          }),
        ),
      ).rejects.toBe(gateClosed);
      expect(
        standIn.requests.entries.filter(e => e.method === 'PUT'),
      ).toHaveLength(1);
    });

    it('turns a 422 into an InputError with GitHub explanation, writing nothing', async () => {
      standIn.failNext(
        {
          kind: 'status',
          status: 422,
          body: {
            message: 'Invalid request.\n\n"content" is not valid base64.',
            documentation_url: 'https://docs.github.com/rest',
          },
        },
        { method: 'PUT' },
      );
      await expect(writer().write(request())).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(
          /invalid \(422\): Invalid request\. "content" is not valid base64/,
        ),
      });
      expect(fileOn('main')).toBe(OVERLAY);
      expect(
        standIn.requests.entries.filter(e => e.method === 'PUT'),
      ).toHaveLength(1);
    });

    it('refuses a protected branch (409 without a stale SHA) without retrying', async () => {
      standIn.failNext(
        {
          kind: 'status',
          status: 409,
          body: { message: 'Changes must be made through a pull request.' },
        },
        { method: 'PUT' },
      );
      const onConflict = jest.fn(async () => {});
      await expect(
        writer().write(request({ onConflict })),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringContaining(
          'Changes must be made through a pull request',
        ),
      });
      expect(onConflict).not.toHaveBeenCalled();
    });

    it('waits out a primary rate limit until x-ratelimit-reset, then writes', async () => {
      const logger = mockServices.logger.mock();
      const resetAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + 5_000);
      standIn.failNext(
        { kind: 'primary-rate-limit', resetAt },
        { method: 'PUT' },
      );
      await writer({ logger }).write(request());
      expect(logger.warn).toHaveBeenCalledTimes(1);
      expect(logger.warn).toHaveBeenCalledWith(
        'GitHub rate limit hit; retrying after the wait',
        expect.objectContaining({
          kind: 'primary',
          host: 'github.com',
          method: 'PUT',
          retryAfterSeconds: expect.any(Number),
        }),
      );
      const [, { retryAfterSeconds }] = logger.warn.mock.calls[0] as [
        string,
        { retryAfterSeconds: number },
      ];
      expect([5, 6, 7]).toContain(retryAfterSeconds);
      expect(
        standIn.requests.entries
          .filter(e => e.method === 'PUT')
          .map(e => e.status),
      ).toEqual([403, 200]);
      expect(commitsWithTrailer('p-1')).toHaveLength(1);
    });

    it('fails with a 503 naming the reset when the primary limit lasts too long', async () => {
      const resetAt = new Date(
        Math.ceil((timing.now() + 3_600_000) / 1000) * 1000,
      );
      standIn.failNext({ kind: 'primary-rate-limit', resetAt, status: 429 });
      await expect(writer().write(request())).rejects.toMatchObject({
        name: 'ServiceUnavailableError',
        message: expect.stringContaining(
          `retry after ${resetAt.toISOString()}`,
        ),
      });
      expect(timing.sleeps).toEqual([]);
      expect(standIn.requests.total).toBe(1);
      expect(fileOn('main')).toBe(OVERLAY);
    });

    it('honours retry-after of a secondary limit, with bounded attempts', async () => {
      const logger = mockServices.logger.mock();
      standIn.failNext(
        { kind: 'secondary-rate-limit', retryAfterSeconds: 2 },
        { method: 'PUT' },
      );
      await writer({ logger }).write(request());
      expect(logger.warn.mock.calls).toEqual([
        [
          'GitHub rate limit hit; retrying after the wait',
          expect.objectContaining({ kind: 'secondary', retryAfterSeconds: 2 }),
        ],
      ]);

      standIn.failNext(
        { kind: 'secondary-rate-limit', retryAfterSeconds: 1 },
        { times: 10 },
      );
      await expect(
        writer().write(request({ promotionId: 'p-2' })),
      ).rejects.toMatchObject({
        name: 'ServiceUnavailableError',
        message: expect.stringMatching(/rate limit reached; retry after/),
      });
      expect(standIn.requests.count(403)).toBe(1 + 4);
      expect(commitsWithTrailer('p-2')).toHaveLength(0);
    });

    it('does not write twice for the same promotion', async () => {
      const first = await writer().write(request());
      standIn.requests.clear();
      const second = await writer().write(request());
      expect(second).toEqual({ ...first, alreadyWritten: true });
      expect(standIn.requests.entries.filter(e => e.method !== 'GET')).toEqual(
        [],
      );
      expect(commitsWithTrailer('p-1')).toHaveLength(1);
    });

    it("does not take a commit with the promotion's trailer but another tag as the write", async () => {
      const spoofed = spoofedCommit({
        [PATH]: editOverlay(OVERLAY, {
          imageName: NAME,
          image: { name: NAME, tag: '6666666' },
        }),
      });
      const result = await writer().write(request());
      expect(result.alreadyWritten).toBe(false);
      expect(result.links.commit?.sha).not.toBe(spoofed);
      expect(parseKustomizationImages(fileOn('main')!)[0]).toEqual({
        name: NAME,
        newTag: '1e10',
        digest: DIGEST,
      });
      expect(commitsWithTrailer('p-1')).toHaveLength(2);
    });

    it("does not take a commit with the promotion's trailer that also changes another file as the write", async () => {
      spoofedCommit({
        [PATH]: editOverlay(OVERLAY, request()),
        'k8s/overlays/prod/kustomization.yaml': 'images: []\n',
      });
      const result = await writer().write(request());
      // The overlay already declares the image: nothing to commit, and no commit to claim.
      expect(result).toEqual({
        mode: 'commit',
        links: {},
        alreadyWritten: true,
      });
      expect(parseKustomizationImages(fileOn('main')!)[0].newTag).toBe('1e10');
    });

    it('reports merged at once', async () => {
      const result = await writer().write(request());
      await expect(
        writer().status({
          promotionId: 'p-1',
          mode: 'commit',
          links: result.links,
        }),
      ).resolves.toEqual({
        state: 'merged',
        commitSha: result.links.commit!.sha,
      });
    });
  });

  describe('pull-request mode', () => {
    const pr = (overrides: Partial<OverlayWriteRequest> = {}) =>
      request({ mode: 'pull-request', ...overrides });

    it('opens a pull request from the branch with one commit that edits the overlay', async () => {
      const result = await writer().write(pr());
      const repo = standIn.model.repo(REPO)!;
      const pull = repo.pulls.get(1)!;
      expect(result).toEqual({
        mode: 'pull-request',
        links: {
          pullRequest: { number: 1, url: `https://github.com/${REPO}/pull/1` },
          branch: 'stageline/checkout/staging',
          commit: { sha: pull.headSha },
        },
        alreadyWritten: false,
      });
      expect(pull).toMatchObject({
        title: 'Promote checkout to staging: 1e10',
        base: 'main',
        head: 'stageline/checkout/staging',
        state: 'open',
      });
      expect(pull.body).toContain('Promote **checkout** to **staging**.');
      expect(pull.body).toContain('Stageline-Promotion: p-1');
      expect(fileOn('main')).toBe(OVERLAY);
      const branchFile = fileOn('stageline/checkout/staging')!;
      expect(branchFile.split('\n').slice(0, 5)).toEqual(
        OVERLAY.split('\n').slice(0, 5),
      );
      expect(parseKustomizationImages(branchFile)[0].newTag).toBe('1e10');
      expect(repo.commits.get(pull.headSha)!.parents).toEqual([
        repo.branches.get('main'),
      ]);
      await expect(
        writer().status({
          promotionId: 'p-1',
          mode: 'pull-request',
          links: result.links,
        }),
      ).resolves.toEqual({ state: 'pending' });
    });

    it('merges with auto-merge and reports the merge commit', async () => {
      const result = await writer().write(pr({ autoMerge: true }));
      const repo = standIn.model.repo(REPO)!;
      expect(repo.pulls.get(1)!.mergedAt).not.toBeNull();
      expect(parseKustomizationImages(fileOn('main')!)[0].newTag).toBe('1e10');
      await expect(
        writer().status({
          promotionId: 'p-1',
          mode: 'pull-request',
          links: result.links,
        }),
      ).resolves.toEqual({
        state: 'merged',
        commitSha: repo.branches.get('main'),
      });
    });

    it('leaves a pull request GitHub cannot merge yet open, and merges it on a later status', async () => {
      standIn.failNext(
        {
          kind: 'race',
          change: model => {
            model.repo(REPO)!.pulls.get(1)!.mergeable = false;
          },
        },
        { method: 'PUT', path: '/merge' },
      );
      const result = await writer().write(pr({ autoMerge: true }));
      const pull = standIn.model.repo(REPO)!.pulls.get(1)!;
      expect(pull.state).toBe('open');
      const written = {
        promotionId: 'p-1',
        mode: 'pull-request' as const,
        links: result.links,
        autoMerge: true,
      };
      await expect(writer().status(written)).resolves.toEqual({
        state: 'pending',
      });
      pull.mergeable = true;
      await expect(writer().status(written)).resolves.toMatchObject({
        state: 'merged',
      });
      expect(pull.mergedAt).not.toBeNull();
    });

    it('merges only when the promotion asks, whatever the pull request says', async () => {
      const result = await writer().write(pr({ autoMerge: false }));
      const pull = standIn.model.repo(REPO)!.pulls.get(1)!;
      // Anyone who can edit the pull request (or wrote the promotion's reason) adds this line.
      pull.body = `${pull.body}\nStageline-Auto-Merge: true`;
      const written = {
        promotionId: 'p-1',
        mode: 'pull-request' as const,
        links: result.links,
      };
      await expect(writer().status(written)).resolves.toEqual({
        state: 'pending',
      });
      expect(pull.mergedAt).toBeNull();
      await expect(
        writer().status({ ...written, autoMerge: true }),
      ).resolves.toMatchObject({ state: 'merged' });
    });

    it('reports a pull request closed without merging', async () => {
      const result = await writer().write(pr());
      standIn.model.closePullRequest(REPO, 1);
      await expect(
        writer().status({
          promotionId: 'p-1',
          mode: 'pull-request',
          links: result.links,
        }),
      ).resolves.toEqual({ state: 'closed' });
    });

    it('does not open a second pull request for the same promotion', async () => {
      const first = await writer().write(pr());
      standIn.requests.clear();
      const second = await writer().write(pr());
      expect(second).toEqual({ ...first, alreadyWritten: true });
      expect(standIn.requests.entries.filter(e => e.method !== 'GET')).toEqual(
        [],
      );
      expect(standIn.model.repo(REPO)!.pulls.size).toBe(1);
    });

    it("does not take a merged pull request with the promotion's trailer but another tag as the write", async () => {
      const branch = 'stageline/checkout/staging';
      standIn.model.createBranch(REPO, branch);
      spoofedCommit(
        {
          [PATH]: editOverlay(OVERLAY, {
            imageName: NAME,
            image: { name: NAME, tag: '6666666' },
          }),
        },
        { branch },
      );
      const spoofed = standIn.model.openPullRequest(REPO, {
        head: branch,
        title: 'Promote checkout to staging: 1e10',
        body: 'Promote\n\nStageline-Promotion: p-1',
        user: 'mallory',
      });
      standIn.model.mergePullRequest(REPO, spoofed);
      const result = await writer().write(pr());
      expect(result.alreadyWritten).toBe(false);
      expect(result.links.pullRequest?.number).toBe(2);
      expect(parseKustomizationImages(fileOn(branch)!)[0].newTag).toBe('1e10');
    });

    it("does not take a branch commit with the promotion's trailer but another tag as the write", async () => {
      const branch = 'stageline/checkout/staging';
      standIn.model.createBranch(REPO, branch);
      const spoofed = spoofedCommit(
        {
          [PATH]: editOverlay(OVERLAY, {
            imageName: NAME,
            image: { name: NAME, tag: '6666666' },
          }),
        },
        { branch },
      );
      const result = await writer().write(pr());
      expect(result.alreadyWritten).toBe(false);
      expect(result.links.commit?.sha).not.toBe(spoofed);
      expect(parseKustomizationImages(fileOn(branch)!)[0].newTag).toBe('1e10');
      const repo = standIn.model.repo(REPO)!;
      expect(repo.commits.get(repo.branches.get(branch)!)!.parents).toEqual([
        repo.branches.get('main'),
      ]);
    });

    it('finishes an attempt that committed but could not open the pull request', async () => {
      standIn.failNext(
        { kind: 'status', status: 502 },
        { method: 'POST', path: '/pulls' },
      );
      await expect(writer().write(pr())).rejects.toMatchObject({
        name: 'ServiceUnavailableError',
      });
      const result = await writer().write(pr());
      expect(result.links.pullRequest?.number).toBe(1);
      expect(result.alreadyWritten).toBe(true);
      expect(
        standIn.requests.entries.filter(e => e.method === 'PUT'),
      ).toHaveLength(1);
      expect(commitsWithTrailer('p-1')).toHaveLength(1);
    });

    it('resets a leftover branch of an earlier promotion to the base', async () => {
      standIn.model.createBranch(REPO, 'stageline/checkout/staging');
      standIn.model.commit(REPO, {
        branch: 'stageline/checkout/staging',
        files: { 'stale.txt': 'old' },
        message: 'Old attempt\n\nStageline-Promotion: p-0',
      });
      await writer().write(pr());
      expect(fileOn('stageline/checkout/staging', 'stale.txt')).toBeUndefined();
      expect(
        standIn.requests.entries.filter(e => e.method === 'PATCH'),
      ).toHaveLength(1);
    });

    it('refuses a branch that another open pull request uses, writing nothing', async () => {
      standIn.model.createBranch(REPO, 'stageline/checkout/staging');
      standIn.model.commit(REPO, {
        branch: 'stageline/checkout/staging',
        files: { [PATH]: `${OVERLAY}# other\n` },
        message: 'Other',
      });
      standIn.model.openPullRequest(REPO, {
        head: 'stageline/checkout/staging',
        title: 'Other',
      });
      await expect(writer().write(pr())).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringContaining('open pull request #1'),
      });
      expect(standIn.requests.entries.filter(e => e.method !== 'GET')).toEqual(
        [],
      );
    });
  });

  describe('workflow-dispatch mode', () => {
    const dispatch = (overrides: Partial<OverlayWriteRequest> = {}) =>
      request({
        mode: 'workflow-dispatch',
        workflow: { file: 'deploy.yml', ref: 'main' },
        ...overrides,
      });

    beforeEach(() => {
      standIn.model.addWorkflow(REPO, 'deploy.yml');
    });

    it('dispatches with the inputs and follows the run to success', async () => {
      const result = await writer().write(dispatch());
      const [run] = standIn.model.repo(REPO)!.runs.values();
      expect(run.inputs).toEqual({
        environment: 'staging',
        image: `${NAME}:1e10`,
        digest: DIGEST,
        promotion_id: 'p-1',
      });
      expect(result).toEqual({
        mode: 'workflow-dispatch',
        links: {
          workflowRun: {
            id: run.id,
            url: `https://github.com/${REPO}/actions/runs/${run.id}`,
          },
        },
        alreadyWritten: false,
      });
      const written = {
        promotionId: 'p-1',
        mode: 'workflow-dispatch' as const,
        links: result.links,
      };
      await expect(writer().status(written)).resolves.toEqual({
        state: 'pending',
      });
      standIn.model.completeRun(REPO, run.id, 'success');
      await expect(writer().status(written)).resolves.toEqual({
        state: 'merged',
      });
      expect(fileOn('main')).toBe(OVERLAY);
    });

    it('reports a failed run with its link', async () => {
      const result = await writer().write(dispatch());
      const [run] = standIn.model.repo(REPO)!.runs.values();
      standIn.model.completeRun(REPO, run.id, 'failure');
      await expect(
        writer().status({
          promotionId: 'p-1',
          mode: 'workflow-dispatch',
          links: result.links,
        }),
      ).resolves.toEqual({
        state: 'failed',
        reason: `Workflow run https://github.com/${REPO}/actions/runs/${run.id} ended: failure`,
      });
    });

    it('finds the run by its title when only the workflow page is known', async () => {
      await writer().write(dispatch());
      const [run] = standIn.model.repo(REPO)!.runs.values();
      standIn.model.completeRun(REPO, run.id, 'cancelled');
      await expect(
        writer().status({
          promotionId: 'p-1',
          mode: 'workflow-dispatch',
          links: {
            workflowRun: {
              url: `https://github.com/${REPO}/actions/workflows/deploy.yml`,
            },
          },
        }),
      ).resolves.toEqual({ state: 'closed' });
    });

    it('does not dispatch twice for the same promotion', async () => {
      const first = await writer().write(dispatch());
      const second = await writer().write(dispatch());
      expect(second).toEqual({ ...first, alreadyWritten: true });
      expect(standIn.model.repo(REPO)!.runs.size).toBe(1);
      expect(
        standIn.requests.entries.filter(e => e.method === 'POST'),
      ).toHaveLength(1);
    });

    it('refuses without a configured workflow, before any call', async () => {
      await expect(
        writer().write(dispatch({ workflow: undefined })),
      ).rejects.toMatchObject({
        name: 'InputError',
      });
      expect(standIn.requests.total).toBe(0);
    });

    it('turns GitHub refusing the inputs (422) into an InputError', async () => {
      standIn.model.addWorkflow(REPO, 'deploy.yml', {
        inputs: ['environment'],
      });
      await expect(writer().write(dispatch())).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringContaining('Unexpected inputs provided'),
      });
      expect(standIn.model.repo(REPO)!.runs.size).toBe(0);
    });
  });

  it.each([
    ['a traversal path', { path: '../prod/kustomization.yaml' }],
    ['an option-like branch', { mode: 'pull-request' as const, branch: '-x' }],
    [
      'a promotion id with a newline',
      { promotionId: 'p\nStageline-Promotion: q' },
    ],
  ])('refuses %s before any call', async (_, overrides) => {
    await expect(writer().write(request(overrides))).rejects.toMatchObject({
      name: 'InputError',
    });
    expect(standIn.requests.total).toBe(0);
  });
});
