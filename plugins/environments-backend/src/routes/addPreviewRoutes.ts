import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  environmentsPreviewDeletePermission,
  environmentsReadPermission,
} from '@stageline/plugin-environments-common';
import type { Request, Router } from 'express';
import type { Authorization } from '../authorization/Authorization';
import type { WriteAction } from '../authorization/ServiceAccess';
import { parseDuration } from '../config/parseDuration';
import type { PreviewService } from '../previews/PreviewService';
import { actorOf } from '../authorization/actorOf';
import type { EnvironmentsService } from '../readmodel/EnvironmentsService';
import { parseEntityRefParams } from './entityRefParams';
import { parseBody } from './parseBody';
import { previewExtendSchema } from './previewExtendSchema';
import { previewKeepSchema } from './previewKeepSchema';
import { previewParamsSchema } from './previewParamsSchema';

type PreviewWrite = Extract<
  WriteAction,
  'keep-preview' | 'extend-preview' | 'delete-preview'
>;

/** The audit trail's name of each preview write. */
const AUDIT_ACTION: Record<PreviewWrite, string> = {
  'keep-preview': 'preview.keep',
  'extend-preview': 'preview.extend',
  'delete-preview': 'preview.delete',
};

/**
 * Keep, extend and delete of a service's preview. Each checks service access, then
 * environments.read and environments.preview.delete on the entity, then that the entity owns
 * its overlays, before any cluster call; the preview service then requires the same on every
 * other service whose workloads the namespace holds. Refusals are audited as promotions' are.
 */
export function addPreviewRoutes(
  router: Router,
  options: {
    httpAuth: HttpAuthService;
    authorization: Authorization;
    environments: EnvironmentsService;
    previews: PreviewService;
  },
) {
  const { httpAuth, authorization, environments, previews } = options;

  async function authorizePreview(req: Request, action: PreviewWrite) {
    const ref = parseEntityRefParams(req.params);
    const { preview } = parseBody(previewParamsSchema, req.params, 'preview');
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const resourceRef = stringifyEntityRef(ref);
    // Outside the refusal audit: a refused service is in the auditor, never in the trail.
    await authorization.requireWriter(credentials, {
      action,
      resourceRef,
      request: req,
    });
    const { actor } = actorOf(credentials);
    try {
      for (const permission of [
        environmentsReadPermission,
        environmentsPreviewDeletePermission,
      ]) {
        await authorization.require(permission, resourceRef, credentials);
      }
      // Refused unless this entity owns its overlays: copied annotations reach no namespace.
      const ctx = await environments.readOwnedContext(ref, { credentials });
      return { ctx, preview, caller: { actor, credentials } };
    } catch (error) {
      await previews.recordRefusal(
        {
          entityRef: resourceRef,
          environment: preview,
          actor,
          action: AUDIT_ACTION[action],
        },
        error,
        credentials,
      );
      throw error;
    }
  }

  router.post(
    '/entities/:kind/:namespace/:name/previews/:preview/keep',
    async (req, res) => {
      const { keep } = parseBody(previewKeepSchema, req.body, 'keep');
      const { ctx, preview, caller } = await authorizePreview(
        req,
        'keep-preview',
      );
      res.json(await previews.keepPreview(ctx, preview, keep, caller));
    },
  );

  router.post(
    '/entities/:kind/:namespace/:name/previews/:preview/extend',
    async (req, res) => {
      const { by } = parseBody(previewExtendSchema, req.body, 'extension');
      const byMs = parseDuration('by', by);
      const { ctx, preview, caller } = await authorizePreview(
        req,
        'extend-preview',
      );
      res.json(await previews.extendPreview(ctx, preview, byMs, caller));
    },
  );

  router.delete(
    '/entities/:kind/:namespace/:name/previews/:preview',
    async (req, res) => {
      const { ctx, preview, caller } = await authorizePreview(
        req,
        'delete-preview',
      );
      await previews.deletePreview(ctx, preview, caller);
      res.status(204).end();
    },
  );
}
