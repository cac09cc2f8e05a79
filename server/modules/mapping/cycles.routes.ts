import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import { auditContextOf } from '../audit/index.js';
import { registerAnswerRoutes } from './answers.routes.js';
import * as s from './cycles.schemas.js';
import * as uc from './cycles.usecases.js';
import { registerPlenaryRoutes } from './plenary.routes.js';
import { registerQuestionnaireRoutes } from './questionnaires.routes.js';

export type MappingCycleDeps = { db: Db; clock: Clock; publicUrl: string };

const tags = ['Mapping'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });
const read = { kind: 'permission', permission: 'mapping.read' } as const;
const manage = { kind: 'permission', permission: 'mapping.manage' } as const;
const writeProblems = problemResponses(400, 401, 403, 404, 409, 422);
const base = '/api/mapping/cycles';

const routes = {
  list: defineRoute({
    method: 'get',
    path: base,
    tags,
    summary: "The mapping cycles of the actor's pemda, newest year first",
    policy: read,
    request: { query: s.CycleListQuerySchema },
    responses: { 200: { description: 'Cycles', content: json(s.CycleListSchema) }, ...problemResponses(400, 401, 403) },
  }),
  get: defineRoute({
    method: 'get',
    path: `${base}/{id}`,
    tags,
    summary: 'A mapping cycle: stage, schedule, participating OPDs and their progress (answered, drafting, late)',
    policy: read,
    request: { params: s.CycleParamSchema },
    responses: { 200: { description: 'Cycle', content: json(s.CycleSchema) }, ...problemResponses(400, 401, 403, 404) },
  }),
  create: defineRoute({
    method: 'post',
    path: base,
    tags,
    summary: "Open the pemda's mapping cycle for a year (one per pemda-year), in Persiapan",
    policy: manage,
    request: { body: { required: true, content: json(s.CycleCreateSchema) } },
    responses: { 201: { description: 'Opened', content: json(s.CycleSchema) }, ...writeProblems },
  }),
  update: defineRoute({
    method: 'patch',
    path: `${base}/{id}`,
    tags,
    summary: 'Change the schedule, answer deadline, participating OPDs or questionnaire (Persiapan and Proses Pemetaan)',
    policy: manage,
    request: { params: s.CycleParamSchema, body: { required: true, content: json(s.CycleUpdateSchema) } },
    responses: { 200: { description: 'Cycle', content: json(s.CycleSchema) }, ...writeProblems },
  }),
  advance: defineRoute({
    method: 'post',
    path: `${base}/{id}/advance`,
    tags,
    summary: 'Take the named action to the next stage; refused with a coded 409 when its guard fails',
    policy: manage,
    request: { params: s.CycleParamSchema, body: { required: true, content: json(s.CycleAdvanceSchema) } },
    responses: { 200: { description: 'Cycle', content: json(s.CycleSchema) }, ...writeProblems },
  }),
};

/** Registers the mapping cycle, questionnaire and answer routes under /api/mapping. */
export const registerMappingCycleRoutes = (app: OpenAPIHono<AppEnv>, { db, clock, publicUrl }: MappingCycleDeps) => {
  const deps = (c: Context<AppEnv>) => ({ db, clock, audit: auditContextOf(c), actor: c.get('actor')!, lang: c.get('lang') });

  app.openapi(routes.list, async (c) => c.json(await uc.listCycles({ db, actor: c.get('actor')!, year: c.req.valid('query').year }), 200));
  app.openapi(routes.get, async (c) => c.json(await uc.getCycle({ db, clock, actor: c.get('actor')!, id: c.req.valid('param').id }), 200));
  app.openapi(routes.create, async (c) => c.json(await uc.createCycle({ ...deps(c), input: c.req.valid('json') }), 201));
  app.openapi(routes.update, async (c) => c.json(await uc.updateCycle({ ...deps(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200));
  app.openapi(routes.advance, async (c) => c.json(await uc.advanceCycle({ ...deps(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200));
  registerQuestionnaireRoutes(app, { db, clock });
  registerAnswerRoutes(app, { db, clock, publicUrl });
  registerPlenaryRoutes(app, { db, clock });
};
