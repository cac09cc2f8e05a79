import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../../platform/db/database.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import * as s from './notifications.schemas.js';
import * as uc from './notifications.usecases.js';

const listOutboxRoute = defineRoute({
  method: 'get',
  path: '/api/admin/outbox',
  tags: ['Admin'],
  summary: 'Outgoing e-mail, newest first: what was sent, what waits, and what stays here without SMTP',
  policy: { kind: 'permission', permission: 'outbox.read' },
  request: { query: s.OutboxQuerySchema },
  responses: { 200: { description: 'Messages', content: { 'application/json': { schema: s.OutboxListSchema } } }, ...problemResponses(400, 401, 403) },
});

const getOutboxMessageRoute = defineRoute({
  method: 'get',
  path: '/api/admin/outbox/{id}',
  tags: ['Admin'],
  summary: 'One outgoing e-mail with its text',
  policy: { kind: 'permission', permission: 'outbox.read' },
  request: { params: s.OutboxIdParamSchema },
  responses: { 200: { description: 'Message', content: { 'application/json': { schema: s.OutboxMessageSchema } } }, ...problemResponses(400, 401, 403, 404) },
});

export const registerNotificationRoutes = (app: OpenAPIHono<AppEnv>, deps: { db: Db }) => {
  app.openapi(listOutboxRoute, async (c) => {
    const page = await uc.listOutbox({ db: deps.db, actor: c.get('actor')!, input: c.req.valid('query') });

    return c.json({ items: page.items.map(s.presentOutboxItem), nextBefore: page.nextBefore }, 200);
  });

  app.openapi(getOutboxMessageRoute, async (c) => {
    const message = await uc.getOutboxMessage({ db: deps.db, actor: c.get('actor')!, id: c.req.valid('param').id });

    return c.json(s.presentOutboxMessage(message), 200);
  });
};
