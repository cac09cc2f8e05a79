import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import * as uc from './inbox.usecases.js';

const NotificationSchema = z
  .object({ id: z.uuid(), kind: z.string(), title: z.string(), body: z.string(), link: z.string().nullable(), createdAt: z.string(), readAt: z.string().nullable() })
  .openapi('Notification');
const InboxSchema = z
  .object({ items: z.array(NotificationSchema), nextBefore: z.uuid().nullable(), unread: z.number().int() })
  .openapi('NotificationInbox');
const UnreadSchema = z.object({ unread: z.number().int() }).openapi('NotificationUnread');

const listRoute = defineRoute({
  method: 'get',
  path: '/api/notifications',
  tags: ['Notifications'],
  summary: 'My in-app notices, newest first, with the unread count',
  policy: { kind: 'authenticated' },
  request: {
    query: z.strictObject({
      before: z.uuid().optional(),
      limit: z.coerce.number().int().min(1).max(100).default(20),
      unread: z.enum(['true', 'false']).optional(),
    }),
  },
  responses: { 200: { description: 'Inbox', content: { 'application/json': { schema: InboxSchema } } }, ...problemResponses(400, 401) },
});

const readOneRoute = defineRoute({
  method: 'post',
  path: '/api/notifications/{id}/read',
  tags: ['Notifications'],
  summary: 'Mark one of my notices read',
  policy: { kind: 'authenticated' },
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: { description: 'Unread left', content: { 'application/json': { schema: UnreadSchema } } }, ...problemResponses(400, 401, 404) },
});

const readAllRoute = defineRoute({
  method: 'post',
  path: '/api/notifications/read-all',
  tags: ['Notifications'],
  summary: 'Mark all my notices read',
  policy: { kind: 'authenticated' },
  responses: { 200: { description: 'Unread left', content: { 'application/json': { schema: UnreadSchema } } }, ...problemResponses(401) },
});

export const registerInboxRoutes = (app: OpenAPIHono<AppEnv>, deps: { db: Db; clock: Clock }) => {
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const page = await uc.listInbox({ db: deps.db, actor: c.get('actor')!, before: q.before, limit: q.limit, unreadOnly: q.unread === 'true' });

    return c.json(
      {
        items: page.items.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })),
        nextBefore: page.nextBefore,
        unread: page.unread,
      },
      200,
    );
  });

  app.openapi(readOneRoute, async (c) => c.json(await uc.markNotificationsRead({ ...deps, actor: c.get('actor')!, id: c.req.valid('param').id }), 200));

  app.openapi(readAllRoute, async (c) => c.json(await uc.markNotificationsRead({ ...deps, actor: c.get('actor')!, id: null }), 200));
};
