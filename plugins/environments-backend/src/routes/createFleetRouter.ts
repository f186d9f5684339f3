import type { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import type { AwaitingAcknowledgements } from '../fleet/AwaitingAcknowledgements';
import type { AwaitingApprovals } from '../fleet/AwaitingApprovals';
import type { FleetService } from '../fleet/FleetService';
import type { DeliveryMetricsService } from '../metrics/DeliveryMetricsService';
import { metricsCsv } from '../metrics/metricsCsv';
import { fleetBreakGlassQuerySchema } from './fleetBreakGlassQuerySchema';
import { fleetQuerySchema } from './fleetQuerySchema';
import { metricsQuerySchema } from './metricsQuerySchema';
import { parseBody } from './parseBody';

/**
 * The routes across services: `GET /fleet` (every service's environments the caller may read),
 * `GET /fleet/breakglass` (the break-glass promotions awaiting acknowledgement),
 * `GET /approvals/mine` (the promotions the caller could approve now) and `GET /metrics`
 * (delivery metrics of a service, System or Group). Each lists or reads the catalog with the
 * caller's credentials and checks `environments.read` before reading anything else.
 */
export async function createFleetRouter(options: {
  httpAuth: HttpAuthService;
  fleet: FleetService;
  approvals: AwaitingApprovals;
  acknowledgements: AwaitingAcknowledgements;
  metrics: DeliveryMetricsService;
  now?: () => Date;
}): Promise<express.Router> {
  const { httpAuth } = options;
  const now = options.now ?? (() => new Date());
  const metricsQuery = metricsQuerySchema(now);
  const router = Router();

  router.get('/fleet', async (req, res) => {
    const query = parseBody(fleetQuerySchema, req.query, 'query');
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await options.fleet.list(query, { credentials }));
  });

  router.get('/fleet/breakglass', async (req, res) => {
    const query = parseBody(fleetBreakGlassQuerySchema, req.query, 'query');
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await options.acknowledgements.list(query, credentials));
  });

  router.get('/approvals/mine', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json(await options.approvals.mine(credentials));
  });

  router.get('/metrics', async (req, res) => {
    const query = parseBody(metricsQuery, req.query, 'query');
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const metrics = await options.metrics.get(query.scope, query.period, {
      credentials,
    });
    if (query.format === 'csv') {
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .attachment('delivery-metrics.csv')
        .send(metricsCsv(metrics));
      return;
    }
    res.json(metrics);
  });

  return router;
}
