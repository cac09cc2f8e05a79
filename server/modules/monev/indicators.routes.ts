import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import { auditContextOf } from '../audit/index.js';
import * as s from './indicators.schemas.js';
import * as uc from './indicators.usecases.js';

export type IndicatorDeps = { db: Db; clock: Clock };

const tags = ['Indicators'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });
const read = { kind: 'permission', permission: 'cooperation.read' } as const;
const write = { kind: 'permission', permission: 'cooperation.write' } as const;
const writeProblems = problemResponses(400, 401, 403, 404, 409, 422);

const routes = {
  list: defineRoute({
    method: 'get',
    path: '/api/cooperations/{id}/indicators',
    tags,
    summary: "The indicators of a cooperation with their period values and achievement, and the cooperation's indicator roll-up",
    policy: read,
    request: { params: s.CooperationParamSchema },
    responses: { 200: { description: 'Indicators', content: json(s.IndicatorListSchema) }, ...problemResponses(400, 401, 403, 404) },
  }),
  create: defineRoute({
    method: 'post',
    path: '/api/cooperations/{id}/indicators',
    tags,
    summary: 'Add an indicator (party pemda staff, while the work plan may be edited)',
    policy: write,
    request: { params: s.CooperationParamSchema, body: { required: true, content: json(s.IndicatorCreateSchema) } },
    responses: { 201: { description: 'Added', content: json(s.IndicatorSchema) }, ...writeProblems },
  }),
  update: defineRoute({
    method: 'patch',
    path: '/api/cooperations/{id}/indicators/{indicatorId}',
    tags,
    summary: 'Change an indicator; frequency and region breakdown are fixed once values are recorded',
    policy: write,
    request: { params: s.IndicatorParamSchema, body: { required: true, content: json(s.IndicatorUpdateSchema) } },
    responses: { 200: { description: 'Changed', content: json(s.IndicatorSchema) }, ...writeProblems },
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/api/cooperations/{id}/indicators/{indicatorId}',
    tags,
    summary: 'Delete an indicator with its recorded values',
    policy: write,
    request: { params: s.IndicatorParamSchema, query: s.IndicatorDeleteQuerySchema },
    responses: { 204: { description: 'Deleted' }, ...problemResponses(400, 401, 403, 404, 409) },
  }),
  values: defineRoute({
    method: 'put',
    path: '/api/cooperations/{id}/indicators/{indicatorId}/values',
    tags,
    summary: 'Record or correct the value of one period (and region)',
    policy: write,
    request: { params: s.IndicatorParamSchema, body: { required: true, content: json(s.IndicatorValueInputSchema) } },
    responses: { 200: { description: 'The indicator with its values', content: json(s.IndicatorSchema) }, ...writeProblems },
  }),
};

/** Registers the indicator routes under /api/cooperations/{id}. */
export const registerIndicatorRoutes = (app: OpenAPIHono<AppEnv>, { db, clock }: IndicatorDeps) => {
  const deps = (c: Context<AppEnv>) => ({ db, clock, audit: auditContextOf(c), actor: c.get('actor')!, lang: c.get('lang') });

  app.openapi(routes.list, async (c) => c.json(await uc.listIndicators({ db, actor: c.get('actor')!, cooperationId: c.req.valid('param').id }), 200));
  app.openapi(routes.create, async (c) => c.json(await uc.createIndicator({ ...deps(c), cooperationId: c.req.valid('param').id, input: c.req.valid('json') }), 201));
  app.openapi(routes.update, async (c) => {
    const { id, indicatorId } = c.req.valid('param');

    return c.json(await uc.updateIndicator({ ...deps(c), cooperationId: id, indicatorId, input: c.req.valid('json') }), 200);
  });
  app.openapi(routes.remove, async (c) => {
    const { id, indicatorId } = c.req.valid('param');
    await uc.deleteIndicator({ ...deps(c), cooperationId: id, indicatorId, expectedVersion: c.req.valid('query').expectedVersion });

    return c.body(null, 204);
  });
  app.openapi(routes.values, async (c) => {
    const { id, indicatorId } = c.req.valid('param');

    return c.json(await uc.recordIndicatorValue({ ...deps(c), cooperationId: id, indicatorId, input: c.req.valid('json') }), 200);
  });
};
