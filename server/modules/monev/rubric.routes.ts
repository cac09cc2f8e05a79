import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import { auditContextOf } from '../audit/index.js';
import { RubricPublishSchema, RubricVersionSchema, RubricViewSchema } from './evaluations.schemas.js';
import type { RubricRow } from './rubric.repository.js';
import * as uc from './rubric.usecases.js';

const tags = ['Monev'];
// Like the rule pack: any reader sees the rubric; the use case lets only the pemda's admins publish.
const policy = { kind: 'permission', permission: 'cooperation.read' } as const;

const getRoute = defineRoute({
  method: 'get',
  path: '/api/monev/rubric',
  tags,
  summary: "The evaluation rubric in force today for the caller's pemda, the national default and the pemda's versions",
  policy,
  responses: { 200: { description: 'Rubric', content: { 'application/json': { schema: RubricViewSchema } } }, ...problemResponses(401, 403) },
});

const publishRoute = defineRoute({
  method: 'put',
  path: '/api/monev/rubric',
  tags,
  summary: "Publish a new version of the caller's pemda rubric from a valid-from date",
  policy,
  request: { body: { required: true, content: { 'application/json': { schema: RubricPublishSchema } } } },
  responses: { 201: { description: 'Published', content: { 'application/json': { schema: RubricVersionSchema } } }, ...problemResponses(400, 401, 403, 422) },
});

const presentVersion = (v: RubricRow) => ({ id: v.id, version: v.version, validFrom: v.validFrom, note: v.note, rubric: v.rubric, createdAt: v.createdAt.toISOString() });

export const registerRubricRoutes = (app: OpenAPIHono<AppEnv>, deps: { db: Db; clock: Clock }) => {
  app.openapi(getRoute, async (c) => {
    const view = await uc.getRubric({ ...deps, actor: c.get('actor')! });

    return c.json({ ...view, versions: view.versions.map(presentVersion) }, 200);
  });

  app.openapi(publishRoute, async (c) => {
    const row = await uc.publishRubric({ ...deps, audit: auditContextOf(c), actor: c.get('actor')!, lang: c.get('lang'), input: c.req.valid('json') });

    return c.json(presentVersion(row), 201);
  });
};
