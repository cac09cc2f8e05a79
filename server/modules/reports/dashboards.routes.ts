import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import type { DashboardCache } from './dashboards.cache.js';
import * as s from './dashboards.schemas.js';
import * as uc from './dashboards.usecases.js';

/** cache: null computes every request (DASHBOARD_CACHE_SECONDS=0). */
export type DashboardDeps = { db: Db; clock: Clock; cache: DashboardCache | null };

const routes = {
  get: defineRoute({
    method: 'get',
    path: '/api/dashboard',
    tags: ['Dashboards'],
    summary: 'Key figures, counts by urusan, kind, state and year, expiring and dormant cooperations of a pemda, a province or the nation',
    policy: { kind: 'permission', permission: 'dashboard.read' },
    request: { query: s.DashboardQuerySchema },
    responses: {
      200: { description: 'The dashboard', content: { 'application/json': { schema: s.DashboardSchema } } },
      ...problemResponses(400, 401, 403, 404, 422),
    },
  }),
};

/** Registers GET /api/dashboard. */
export const registerDashboardRoutes = (app: OpenAPIHono<AppEnv>, { db, clock, cache }: DashboardDeps) => {
  app.openapi(routes.get, async (c) => c.json(await uc.getDashboard({ db, clock, cache, actor: c.get('actor')!, lang: c.get('lang'), query: c.req.valid('query') }), 200));
};
