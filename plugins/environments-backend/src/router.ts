import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import type { Authorization } from './authorization/Authorization';
import type { PreviewService } from './previews/PreviewService';
import type { PromotionService } from './promotions/PromotionService';
import { addPreviewRoutes } from './routes/addPreviewRoutes';
import { approvalRequestSchema } from './routes/approvalRequestSchema';
import type { CallerBudget } from './authorization/CallerBudget';
import { parseDiffQuery } from './routes/diffQuery';
import { parseEntityRefParams } from './routes/entityRefParams';
import { historyQuerySchema } from './routes/historyQuerySchema';
import { limitGithubReads } from './routes/limitGithubReads';
import { parseBody } from './routes/parseBody';
import { promotionIdSchema } from './routes/promotionIdSchema';
import { promotionEventsQuerySchema } from './routes/promotionEventsQuerySchema';
import { promotionRequestSchema } from './routes/promotionRequestSchema';
import type { EnvironmentsService } from './readmodel/EnvironmentsService';
import type { EnvironmentView } from './promotions/EnvironmentView';

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  /** Who may read and write: the same rule the MCP actions and the services apply. */
  authorization: Authorization;
  environments: EnvironmentsService;
  /** The environments response: state plus readiness. */
  view: EnvironmentView;
  promotions: PromotionService;
  previews: PreviewService;
  /** Each caller's budget of calls that spend the GitHub rate limit (shared with MCP actions). */
  githubReads: CallerBudget;
}): Promise<express.Router> {
  const { httpAuth, authorization, environments, promotions } = options;
  const router = Router();
  router.use(express.json({ limit: '64kb' }));
  const githubReadLimit = limitGithubReads({
    budget: options.githubReads,
    httpAuth,
  });

  async function credentialsOf(req: Request) {
    return httpAuth.credentials(req, { allow: ['user', 'service'] });
  }

  // Parses the entity ref and checks environments.read before any cluster or Git read.
  async function authorizeRead(req: Request) {
    const ref = parseEntityRefParams(req.params);
    const credentials = await credentialsOf(req);
    await authorization.requireRead(stringifyEntityRef(ref), credentials);
    return { ref, credentials };
  }

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get(
    '/entities/:kind/:namespace/:name/environments',
    async (req, res) => {
      const { ref, credentials } = await authorizeRead(req);
      res.json(await options.view.getEnvironments(ref, { credentials }));
    },
  );

  router.get(
    '/entities/:kind/:namespace/:name/previews',
    githubReadLimit,
    async (req, res) => {
      const { ref, credentials } = await authorizeRead(req);
      res.json(await options.previews.getPreviews(ref, { credentials }));
    },
  );

  router.get(
    '/entities/:kind/:namespace/:name/diff',
    githubReadLimit,
    async (req, res) => {
      const { ref, credentials } = await authorizeRead(req);
      const versions = parseDiffQuery(req.query);
      res.json(
        await environments.getVersionDiff(ref, versions, { credentials }),
      );
    },
  );

  router.get(
    '/entities/:kind/:namespace/:name/promotions',
    async (req, res) => {
      const ref = parseEntityRefParams(req.params);
      const credentials = await credentialsOf(req);
      res.json(await promotions.list(ref, { credentials }));
    },
  );

  // The service's history: promotion events, refusals and preview keeps, extends and deletes.
  router.get('/entities/:kind/:namespace/:name/history', async (req, res) => {
    const ref = parseEntityRefParams(req.params);
    const query = parseBody(historyQuerySchema, req.query, 'query');
    const credentials = await credentialsOf(req);
    res.json(await promotions.history(ref, query, { credentials }));
  });

  router.post(
    '/entities/:kind/:namespace/:name/promotions',
    async (req, res) => {
      const ref = parseEntityRefParams(req.params);
      const body = parseBody(promotionRequestSchema, req.body, 'promotion');
      const credentials = await credentialsOf(req);
      const { promotion, created } = await promotions.request(ref, body, {
        credentials,
        request: req,
      });
      res.status(created ? 201 : 200).json(promotion);
    },
  );

  router.get('/promotions/:id', async (req, res) => {
    const { id } = parseBody(promotionIdSchema, req.params, 'promotion id');
    const credentials = await credentialsOf(req);
    res.json(await promotions.get(id, { credentials }));
  });

  // Older pages of the audit events: GET /promotions/:id serves the newest page and the cursor.
  router.get('/promotions/:id/events', async (req, res) => {
    const { id } = parseBody(promotionIdSchema, req.params, 'promotion id');
    const query = parseBody(promotionEventsQuerySchema, req.query, 'query');
    const credentials = await credentialsOf(req);
    res.json(await promotions.events(id, query, { credentials }));
  });

  router.post('/promotions/:id/approvals', async (req, res) => {
    const { id } = parseBody(promotionIdSchema, req.params, 'promotion id');
    const body = parseBody(approvalRequestSchema, req.body, 'decision');
    const credentials = await credentialsOf(req);
    res.json(await promotions.decide(id, body, { credentials, request: req }));
  });

  router.post('/promotions/:id/acknowledge', async (req, res) => {
    const { id } = parseBody(promotionIdSchema, req.params, 'promotion id');
    const credentials = await credentialsOf(req);
    res.json(await promotions.acknowledge(id, { credentials, request: req }));
  });

  // Break-glass promotions still waiting for an approver's acknowledgement.
  router.get(
    '/entities/:kind/:namespace/:name/breakglass',
    async (req, res) => {
      const { ref, credentials } = await authorizeRead(req);
      res.json(await promotions.unacknowledgedBreakGlass(ref, { credentials }));
    },
  );

  router.post('/promotions/:id/cancel', async (req, res) => {
    const { id } = parseBody(promotionIdSchema, req.params, 'promotion id');
    const credentials = await credentialsOf(req);
    res.json(await promotions.cancel(id, { credentials, request: req }));
  });

  addPreviewRoutes(router, options);

  return router;
}
