import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import { auditContextOf } from '../audit/index.js';
import * as s from './reference.schemas.js';
import * as uc from './reference.usecases.js';

const REFERENCE_IS_PUBLIC = 'Official reference data (Kemendagri codes, urusan, issue list); no personal data';

const listRegionsRoute = defineRoute({
  method: 'get',
  path: '/api/regions',
  tags: ['Reference'],
  summary: 'Search the official region list (provinsi, kabupaten/kota, kecamatan, desa)',
  policy: { kind: 'public', reason: REFERENCE_IS_PUBLIC },
  request: { query: s.RegionQuerySchema },
  responses: { 200: { description: 'Regions', content: { 'application/json': { schema: s.RegionListSchema } } }, ...problemResponses(400, 404) },
});

const getRegionRoute = defineRoute({
  method: 'get',
  path: '/api/regions/{code}',
  tags: ['Reference'],
  summary: 'One region by its Kemendagri code',
  policy: { kind: 'public', reason: REFERENCE_IS_PUBLIC },
  request: { params: s.RegionParamSchema },
  responses: { 200: { description: 'Region', content: { 'application/json': { schema: s.RegionSchema } } }, ...problemResponses(400, 404) },
});

const listUrusanRoute = defineRoute({
  method: 'get',
  path: '/api/urusan',
  tags: ['Reference'],
  summary: 'The 32 concurrent government affairs (urusan pemerintahan) with their groups',
  policy: { kind: 'public', reason: REFERENCE_IS_PUBLIC },
  responses: { 200: { description: 'Urusan', content: { 'application/json': { schema: s.UrusanListSchema } } } },
});

const listIssuesRoute = defineRoute({
  method: 'get',
  path: '/api/strategic-issues',
  tags: ['Reference'],
  summary: 'Strategic issues used to tag cooperation',
  policy: { kind: 'public', reason: REFERENCE_IS_PUBLIC },
  request: { query: s.StrategicIssueQuerySchema },
  responses: { 200: { description: 'Issues', content: { 'application/json': { schema: s.StrategicIssueListSchema } } }, ...problemResponses(400) },
});

const createIssueRoute = defineRoute({
  method: 'post',
  path: '/api/strategic-issues',
  tags: ['Reference'],
  summary: 'Add a strategic issue (platform admin)',
  policy: { kind: 'permission', permission: 'reference.manage' },
  request: { body: { required: true, content: { 'application/json': { schema: s.StrategicIssueCreateSchema } } } },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: s.StrategicIssueSchema } } },
    ...problemResponses(400, 401, 403, 409),
  },
});

const updateIssueRoute = defineRoute({
  method: 'patch',
  path: '/api/strategic-issues/{id}',
  tags: ['Reference'],
  summary: 'Rename, reorder or retire a strategic issue (platform admin)',
  policy: { kind: 'permission', permission: 'reference.manage' },
  request: { params: s.IdParamSchema, body: { required: true, content: { 'application/json': { schema: s.StrategicIssueUpdateSchema } } } },
  responses: {
    200: { description: 'Updated', content: { 'application/json': { schema: s.StrategicIssueSchema } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

export const registerReferenceRoutes = (app: OpenAPIHono<AppEnv>, deps: { db: Db; clock: Clock }) => {
  const directory = uc.createRegionDirectory(deps.db);
  app.openapi(listRegionsRoute, async (c) => {
    const q = c.req.valid('query');
    const result = await uc.listRegions({
      db: deps.db,
      directory,
      query: { levels: q.level ? uc.regionLevelsFor(q.level) : undefined, parentCode: q.parent, q: q.q, includeExpired: q.includeExpired, limit: q.limit, offset: q.offset },
    });

    return c.json(result, 200);
  });

  app.openapi(getRegionRoute, async (c) => c.json(await uc.getRegion({ db: deps.db, code: c.req.valid('param').code }), 200));

  app.openapi(listUrusanRoute, async (c) => {
    const rows = await uc.listUrusan({ db: deps.db });

    return c.json({ items: rows.map(({ sort: _s, ...u }) => u) }, 200);
  });

  app.openapi(listIssuesRoute, async (c) => {
    const rows = await uc.listStrategicIssues({ db: deps.db, includeInactive: c.req.valid('query').includeInactive });

    return c.json({ items: rows.map(s.presentIssue) }, 200);
  });

  app.openapi(createIssueRoute, async (c) => {
    const created = await uc.createStrategicIssue({ db: deps.db, clock: deps.clock, audit: auditContextOf(c), input: c.req.valid('json') });

    return c.json(s.presentIssue(created), 201);
  });

  app.openapi(updateIssueRoute, async (c) => {
    const updated = await uc.updateStrategicIssue({ db: deps.db, clock: deps.clock, audit: auditContextOf(c), id: c.req.valid('param').id, patch: c.req.valid('json') });

    return c.json(s.presentIssue(updated), 200);
  });
};
