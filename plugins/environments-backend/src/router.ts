import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { environmentsReadPermission } from '@stageline/plugin-environments-common';
import express from 'express';
import Router from 'express-promise-router';
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

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get(
    '/entities/:kind/:namespace/:name/environments',
    async (req, res) => {
      const ref = parseEntityRefParams(req.params);
      const credentials = await httpAuth.credentials(req);
      await requirePermission({
        permissions,
        permission: environmentsReadPermission,
        resourceRef: stringifyEntityRef(ref),
        credentials,
      });
      res.json(await environments.getEnvironments(ref, { credentials }));
    },
  );

  return router;
}
