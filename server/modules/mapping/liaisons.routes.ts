import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import { auditContextOf } from '../audit/index.js';
import * as s from './liaisons.schemas.js';
import * as uc from './liaisons.usecases.js';
import { EndSchema, HandOverResultSchema, HandOverSchema } from './tkksd.schemas.js';
import type { TkksdDeps } from './tkksd.routes.js';

const tags = ['TKKSD'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });
const manage = { kind: 'permission', permission: 'tkksd.manage' } as const;
const writeProblems = problemResponses(400, 401, 403, 404, 409, 422);

const routes = {
  list: defineRoute({
    method: 'get',
    path: '/api/liaisons',
    tags,
    summary: "Liaisons (PPKSD) per OPD of the reader's pemda, with the number active today and a warning below the rule pack's minLiaisonsPerOpd",
    policy: { kind: 'permission', permission: 'tkksd.read' },
    responses: { 200: { description: 'Liaisons per OPD', content: json(s.LiaisonListSchema) }, ...problemResponses(400, 401, 403) },
  }),
  appoint: defineRoute({
    method: 'post',
    path: '/api/liaisons',
    tags,
    summary: 'Appoint a liaison of an OPD by decree for a period; a user gets the PPKSD role in that OPD for the term',
    policy: manage,
    request: { body: { required: true, content: json(s.LiaisonCreateSchema) } },
    responses: { 201: { description: 'Appointed', content: json(s.LiaisonSchema) }, ...writeProblems },
  }),
  end: defineRoute({
    method: 'post',
    path: '/api/liaisons/{liaisonId}/end',
    tags,
    summary: "End a liaison's appointment on a date, with the PPKSD role",
    policy: manage,
    request: { params: s.LiaisonParamSchema, body: { required: true, content: json(EndSchema) } },
    responses: { 200: { description: 'Ended', content: json(s.LiaisonSchema) }, ...writeProblems },
  }),
  handOver: defineRoute({
    method: 'post',
    path: '/api/liaisons/{liaisonId}/handover',
    tags,
    summary: "Hand over: end a liaison's appointment and move their open items to a successor (optionally appointed for the rest of the term)",
    policy: manage,
    request: { params: s.LiaisonParamSchema, body: { required: true, content: json(HandOverSchema) } },
    responses: { 200: { description: 'Handed over', content: json(HandOverResultSchema) }, ...writeProblems },
  }),
};

/** Registers the liaison routes under /api/liaisons. */
export const registerLiaisonRoutes = (app: OpenAPIHono<AppEnv>, { db, clock }: TkksdDeps) => {
  const deps = (c: Context<AppEnv>) => ({ db, clock, audit: auditContextOf(c), actor: c.get('actor')!, lang: c.get('lang') });

  app.openapi(routes.list, async (c) => c.json(await uc.listLiaisons({ db, clock, actor: c.get('actor')! }), 200));
  app.openapi(routes.appoint, async (c) => c.json(await uc.appointLiaison({ ...deps(c), input: c.req.valid('json') }), 201));
  app.openapi(routes.end, async (c) => c.json(await uc.endLiaison({ ...deps(c), liaisonId: c.req.valid('param').liaisonId, input: c.req.valid('json') }), 200));
  app.openapi(routes.handOver, async (c) => c.json(await uc.handOverLiaison({ ...deps(c), liaisonId: c.req.valid('param').liaisonId, input: c.req.valid('json') }), 200));
};
