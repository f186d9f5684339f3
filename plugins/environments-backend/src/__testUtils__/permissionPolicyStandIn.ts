import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import Router from 'express-promise-router';

/** One question the permission client asked the policy. */
export type AskedPolicy = {
  permission: string;
  resourceRef?: string;
  /** `user:default/alice`, or the service subject. */
  principal: string;
};

/**
 * A `permission` plugin answering `POST /authorize` with `decide`, the way the permission backend
 * answers Backstage's real permission client (`permission.enabled: true`). Records every question,
 * so a test can show which callers the client asked the policy about and which it never did.
 */
export function permissionPolicyStandIn(
  decide: (asked: AskedPolicy) => AuthorizeResult.ALLOW | AuthorizeResult.DENY,
) {
  const asked: AskedPolicy[] = [];
  const feature = createBackendPlugin({
    pluginId: 'permission',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          const router = Router();
          router.use(express.json());
          router.post('/authorize', async (req, res) => {
            const { principal } = await httpAuth.credentials(req, {
              allow: ['user', 'service'],
            });
            const who =
              'userEntityRef' in principal
                ? principal.userEntityRef
                : principal.subject;
            const items = req.body.items as Array<{
              id: string;
              permission: { name: string };
              resourceRef?: string;
            }>;
            res.json({
              items: items.map(item => {
                const question = {
                  permission: item.permission.name,
                  resourceRef: item.resourceRef,
                  principal: who,
                };
                asked.push(question);
                return { id: item.id, result: decide(question) };
              }),
            });
          });
          httpRouter.use(router);
        },
      });
    },
  });
  return { feature, asked };
}
