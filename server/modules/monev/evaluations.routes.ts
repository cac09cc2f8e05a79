import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import { auditContextOf } from '../audit/index.js';
import * as s from './evaluations.schemas.js';
import * as uc from './evaluations.usecases.js';

export type EvaluationDeps = { db: Db; clock: Clock };

const tags = ['Monev'];
const read = { kind: 'permission', permission: 'cooperation.read' } as const;
const write = { kind: 'permission', permission: 'cooperation.write' } as const;
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
const cooperationParams = z.strictObject({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const evaluationParams = z.strictObject({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

const listRoute = defineRoute({
  method: 'get',
  path: '/api/cooperations/{id}/evaluations',
  tags,
  summary: "A cooperation's periodic evaluations, with its latest finalised score and trend",
  policy: read,
  request: { params: cooperationParams },
  responses: { 200: json(s.EvaluationListSchema, 'Evaluations'), ...problemResponses(400, 401, 403, 404) },
});

const openRoute = defineRoute({
  method: 'post',
  path: '/api/cooperations/{id}/evaluations',
  tags,
  summary: 'Open an evaluation for a period (secretariat of a party pemda; the rubric in force is snapshotted)',
  policy: write,
  request: { params: cooperationParams, ...body(s.EvaluationOpenSchema) },
  responses: { 201: json(s.EvaluationDetailSchema, 'Opened'), ...problemResponses(400, 401, 403, 404, 409) },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/api/evaluations/{id}',
  tags,
  summary: "One evaluation: criteria, everyone's ratings, the caller's ratings and the computed score",
  policy: read,
  request: { params: evaluationParams },
  responses: { 200: json(s.EvaluationDetailSchema, 'Evaluation'), ...problemResponses(400, 401, 403, 404) },
});

const rateRoute = defineRoute({
  method: 'put',
  path: '/api/evaluations/{id}/ratings',
  tags,
  summary: "Replace the caller's ratings (1–5 per criterion, note, evidence files) while the evaluation is open",
  policy: write,
  request: { params: evaluationParams, ...body(s.RatingsPutSchema) },
  responses: { 200: json(s.EvaluationDetailSchema, 'Saved'), ...problemResponses(400, 401, 403, 404, 409, 422) },
});

const finaliseRoute = defineRoute({
  method: 'post',
  path: '/api/evaluations/{id}/finalise',
  tags,
  summary: 'Finalise with findings and a recommendation (LANJUT, PERBAIKI, HENTIKAN); the evaluation locks',
  policy: write,
  request: { params: evaluationParams, ...body(s.FinaliseSchema) },
  responses: { 200: json(s.EvaluationDetailSchema, 'Finalised'), ...problemResponses(400, 401, 403, 404, 409) },
});

export const registerEvaluationRoutes = (app: OpenAPIHono<AppEnv>, deps: EvaluationDeps) => {
  app.openapi(listRoute, async (c) => c.json(await uc.listEvaluations({ db: deps.db, actor: c.get('actor')!, cooperationId: c.req.valid('param').id }), 200));

  app.openapi(openRoute, async (c) => {
    const actor = c.get('actor')!;
    const row = await uc.openEvaluation({ ...deps, audit: auditContextOf(c), actor, cooperationId: c.req.valid('param').id, input: c.req.valid('json') });

    return c.json(await uc.getEvaluation({ db: deps.db, actor, id: row.id }), 201);
  });

  app.openapi(getRoute, async (c) => c.json(await uc.getEvaluation({ db: deps.db, actor: c.get('actor')!, id: c.req.valid('param').id }), 200));

  app.openapi(rateRoute, async (c) => {
    const actor = c.get('actor')!;
    const { id } = c.req.valid('param');
    await uc.putRatings({ ...deps, audit: auditContextOf(c), actor, lang: c.get('lang'), id, input: c.req.valid('json') });

    return c.json(await uc.getEvaluation({ db: deps.db, actor, id }), 200);
  });

  app.openapi(finaliseRoute, async (c) => {
    const actor = c.get('actor')!;
    const { id } = c.req.valid('param');
    await uc.finaliseEvaluation({ ...deps, audit: auditContextOf(c), actor, id, input: c.req.valid('json') });

    return c.json(await uc.getEvaluation({ db: deps.db, actor, id }), 200);
  });
};
