import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../db/database.js';
import type { AppEnv } from '../http/context.js';
import { problemResponses } from '../http/problem.js';
import { defineRoute } from '../http/route.js';
import * as s from './schemas.js';
import { listJobsForAdmin } from './usecases.js';

const listJobsRoute = defineRoute({
  method: 'get',
  path: '/api/admin/jobs',
  tags: ['Admin'],
  summary: 'Recent background jobs with their state, attempts and last error (platform admin)',
  policy: { kind: 'permission', permission: 'jobs.read' },
  request: { query: s.JobListQuerySchema },
  responses: { 200: { description: 'Jobs, newest first', content: { 'application/json': { schema: s.JobListSchema } } }, ...problemResponses(400, 401, 403) },
});

export const registerJobRoutes = (app: OpenAPIHono<AppEnv>, deps: { db: Db }) => {
  app.openapi(listJobsRoute, async (c) => {
    const rows = await listJobsForAdmin({ db: deps.db, actor: c.get('actor')!, input: c.req.valid('query') });

    return c.json({ items: rows.map(s.presentJob) }, 200);
  });
};
