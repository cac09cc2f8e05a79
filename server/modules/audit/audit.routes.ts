import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Db } from '../../platform/db/database.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import * as s from './audit.schemas.js';
import { listAuditForActor, type AuditContext } from './audit.usecases.js';

/** The audit context of a request: the signed-in actor, the request id and the client address. */
export const auditContextOf = (c: Context<AppEnv>): AuditContext => {
  const actor = c.get('actor');

  return { actorUserId: actor?.userId ?? null, actorOrgId: actor?.orgId ?? null, actorName: actor?.name ?? null, requestId: c.get('requestId'), ip: c.get('clientIp') };
};

const listAuditRoute = defineRoute({
  method: 'get',
  path: '/api/audit',
  tags: ['Audit'],
  summary: 'The audit log, newest first, with before/after values of each change',
  policy: { kind: 'permission', permission: 'audit.read' },
  request: { query: s.AuditQuerySchema },
  responses: { 200: { description: 'Audit entries', content: { 'application/json': { schema: s.AuditListSchema } } }, ...problemResponses(400, 401, 403) },
});

export const registerAuditRoutes = (app: OpenAPIHono<AppEnv>, deps: { db: Db }) => {
  app.openapi(listAuditRoute, async (c) => {
    const result = await listAuditForActor({ db: deps.db, actor: c.get('actor')!, input: c.req.valid('query') });

    return c.json({ items: result.entries.map(s.presentAuditEntry), nextBefore: result.nextBeforeSeq }, 200);
  });
};
