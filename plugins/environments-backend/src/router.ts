import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { environmentsReadPermission } from '@stageline/plugin-environments-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { parseDiffQuery } from './routes/diffQuery';
import { parseEntityRefParams } from './routes/entityRefParams';
import { requirePermission } from './routes/requirePermission';
import type { EnvironmentsService } from './services/EnvironmentsService';

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  environments: EnvironmentsService;
}): Promise<express.Router> {
  const { httpAuth, permissions, environments } = options;
  const router = Router();
  router.use(express.json());

  // Parses the entity ref and checks environments.read before any cluster or Git read.
  async function authorizeRead(req: Request) {
    const ref = parseEntityRefParams(req.params);
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
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
      res.json(await environments.getEnvironments(ref, { credentials }));
    },
  );

  router.get('/entities/:kind/:namespace/:name/previews', async (req, res) => {
    const { ref, credentials } = await authorizeRead(req);
    res.json(await environments.getPreviews(ref, { credentials }));
  });

  router.get('/entities/:kind/:namespace/:name/diff', async (req, res) => {
    const { ref, credentials } = await authorizeRead(req);
    const versions = parseDiffQuery(req.query);
    res.json(await environments.getVersionDiff(ref, versions, { credentials }));
  });

  return router;
}
