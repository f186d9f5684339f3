import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  environmentsPreviewDeletePermission,
  environmentsReadPermission,
} from '@stageline/plugin-environments-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import type { ServiceAccess, WriteAction } from './authorization/ServiceAccess';
import { parseDuration } from './config/parseDuration';
import type { PreviewService } from './previews/PreviewService';
import { actorOf } from './promotions/actorOf';
import type { PromotionService } from './promotions/PromotionService';
import { approvalRequestSchema } from './routes/approvalRequestSchema';
import type { CallerBudget } from './routes/CallerBudget';
import { parseDiffQuery } from './routes/diffQuery';
import { parseEntityRefParams } from './routes/entityRefParams';
import { limitGithubReads } from './routes/limitGithubReads';
import { parseBody } from './routes/parseBody';
import { promotionIdSchema } from './routes/promotionIdSchema';
import { promotionEventsQuerySchema } from './routes/promotionEventsQuerySchema';
import { previewExtendSchema } from './routes/previewExtendSchema';
import { previewKeepSchema } from './routes/previewKeepSchema';
import { previewParamsSchema } from './routes/previewParamsSchema';
import { promotionRequestSchema } from './routes/promotionRequestSchema';
import { requirePermission } from './routes/requirePermission';
import type { EnvironmentsService } from './services/EnvironmentsService';

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  environments: EnvironmentsService;
  promotions: PromotionService;
  previews: PreviewService;
  /** Each caller's budget of calls that spend the GitHub rate limit (shared with MCP actions). */
  githubReads: CallerBudget;
  /** Which preview writes service principals may take (promotions check it in their service). */
  serviceAccess: ServiceAccess;
}): Promise<express.Router> {
  const { httpAuth, permissions, environments, promotions, previews } = options;
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
    await requirePermission({
      permissions,
      permission: environmentsReadPermission,
      resourceRef: stringifyEntityRef(ref),
      credentials,
    });
    return { ref, credentials };
  }

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get(
    '/entities/:kind/:namespace/:name/environments',
    async (req, res) => {
      const { ref, credentials } = await authorizeRead(req);
      const state = await environments.readChain(ref, { credentials });
      res.json(await promotions.addReadiness(state));
    },
  );

  router.get(
    '/entities/:kind/:namespace/:name/previews',
    githubReadLimit,
    async (req, res) => {
      const { ref, credentials } = await authorizeRead(req);
      res.json(await environments.getPreviews(ref, { credentials }));
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

  router.post('/promotions/:id/cancel', async (req, res) => {
    const { id } = parseBody(promotionIdSchema, req.params, 'promotion id');
    const credentials = await credentialsOf(req);
    res.json(await promotions.cancel(id, { credentials, request: req }));
  });

  // Keep, extend and delete check service access and environments.preview.delete before any
  // catalog or cluster call.
  async function authorizePreview(req: Request, action: WriteAction) {
    const ref = parseEntityRefParams(req.params);
    const { preview } = parseBody(previewParamsSchema, req.params, 'preview');
    const credentials = await credentialsOf(req);
    await options.serviceAccess.require(credentials, {
      action,
      resourceRef: stringifyEntityRef(ref),
      request: req,
    });
    for (const permission of [
      environmentsReadPermission,
      environmentsPreviewDeletePermission,
    ]) {
      await requirePermission({
        permissions,
        permission,
        resourceRef: stringifyEntityRef(ref),
        credentials,
      });
    }
    // Refused unless this entity owns its overlays: copied annotations reach no namespace.
    const ctx = await environments.readOwnedContext(ref, { credentials });
    return { ctx, preview, actor: actorOf(credentials).actor };
  }

  router.post(
    '/entities/:kind/:namespace/:name/previews/:preview/keep',
    async (req, res) => {
      const { keep } = parseBody(previewKeepSchema, req.body, 'keep');
      const { ctx, preview, actor } = await authorizePreview(
        req,
        'keep-preview',
      );
      res.json(await previews.keepPreview(ctx, preview, keep, actor));
    },
  );

  router.post(
    '/entities/:kind/:namespace/:name/previews/:preview/extend',
    async (req, res) => {
      const { by } = parseBody(previewExtendSchema, req.body, 'extension');
      const byMs = parseDuration('by', by);
      const { ctx, preview, actor } = await authorizePreview(
        req,
        'extend-preview',
      );
      res.json(await previews.extendPreview(ctx, preview, byMs, actor));
    },
  );

  router.delete(
    '/entities/:kind/:namespace/:name/previews/:preview',
    async (req, res) => {
      const { ctx, preview, actor } = await authorizePreview(
        req,
        'delete-preview',
      );
      await previews.deletePreview(ctx, preview, actor);
      res.status(204).end();
    },
  );

  return router;
}
