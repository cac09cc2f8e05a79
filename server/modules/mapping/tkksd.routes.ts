import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import { auditContextOf } from '../audit/index.js';
import * as s from './tkksd.schemas.js';
import * as uc from './tkksd.usecases.js';

export type TkksdDeps = { db: Db; clock: Clock };

const tags = ['TKKSD'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });
const read = { kind: 'permission', permission: 'tkksd.read' } as const;
const manage = { kind: 'permission', permission: 'tkksd.manage' } as const;
const readProblems = problemResponses(400, 401, 403, 404);
const writeProblems = problemResponses(400, 401, 403, 404, 409, 422);

const routes = {
  team: defineRoute({
    method: 'get',
    path: '/api/tkksd',
    tags,
    summary: "The reader's pemda TKKSD: the period valid today, every decree period with its members, and how many OPD lack liaisons",
    policy: read,
    responses: { 200: { description: 'Team', content: json(s.TeamSchema) }, ...readProblems },
  }),
  period: defineRoute({
    method: 'get',
    path: '/api/tkksd/periods/{periodId}',
    tags,
    summary: 'One decree period with its members',
    policy: read,
    request: { params: s.PeriodParamSchema },
    responses: { 200: { description: 'Period', content: json(s.PeriodSchema) }, ...readProblems },
  }),
  createPeriod: defineRoute({
    method: 'post',
    path: '/api/tkksd/periods',
    tags,
    summary: 'Record a TKKSD decree period (periods of a pemda may not overlap: 409 tkksd.period_overlap)',
    policy: manage,
    request: { body: { required: true, content: json(s.PeriodCreateSchema) } },
    responses: { 201: { description: 'Recorded', content: json(s.PeriodSchema) }, ...writeProblems },
  }),
  createMember: defineRoute({
    method: 'post',
    path: '/api/tkksd/periods/{periodId}/members',
    tags,
    summary: 'Add a member with a position; a user gets the matching TKKSD role for the term (one ketua at a time: 409 tkksd.ketua_taken)',
    policy: manage,
    request: { params: s.PeriodParamSchema, body: { required: true, content: json(s.MemberCreateSchema) } },
    responses: { 201: { description: 'Added', content: json(s.MemberSchema) }, ...writeProblems },
  }),
  endMember: defineRoute({
    method: 'post',
    path: '/api/tkksd/members/{memberId}/end',
    tags,
    summary: "End a member's term on a date, with their TKKSD role",
    policy: manage,
    request: { params: s.MemberParamSchema, body: { required: true, content: json(s.EndSchema) } },
    responses: { 200: { description: 'Ended', content: json(s.MemberSchema) }, ...writeProblems },
  }),
  handOverMember: defineRoute({
    method: 'post',
    path: '/api/tkksd/members/{memberId}/handover',
    tags,
    summary: "Hand over: end a member's term and move their open items to a successor (optionally appointed to the same position)",
    policy: manage,
    request: { params: s.MemberParamSchema, body: { required: true, content: json(s.HandOverSchema) } },
    responses: { 200: { description: 'Handed over', content: json(s.HandOverResultSchema) }, ...writeProblems },
  }),
};

/** Registers the TKKSD routes under /api/tkksd. */
export const registerTkksdRoutes = (app: OpenAPIHono<AppEnv>, { db, clock }: TkksdDeps) => {
  const deps = (c: Context<AppEnv>) => ({ db, clock, audit: auditContextOf(c), actor: c.get('actor')!, lang: c.get('lang') });

  app.openapi(routes.team, async (c) => c.json(await uc.getTeam({ db, clock, actor: c.get('actor')! }), 200));
  app.openapi(routes.period, async (c) => c.json(await uc.getPeriod({ db, clock, actor: c.get('actor')!, periodId: c.req.valid('param').periodId }), 200));
  app.openapi(routes.createPeriod, async (c) => c.json(await uc.createPeriod({ ...deps(c), input: c.req.valid('json') }), 201));
  app.openapi(routes.createMember, async (c) => c.json(await uc.createMember({ ...deps(c), periodId: c.req.valid('param').periodId, input: c.req.valid('json') }), 201));
  app.openapi(routes.endMember, async (c) => c.json(await uc.endMember({ ...deps(c), memberId: c.req.valid('param').memberId, input: c.req.valid('json') }), 200));
  app.openapi(routes.handOverMember, async (c) => c.json(await uc.handOverMember({ ...deps(c), memberId: c.req.valid('param').memberId, input: c.req.valid('json') }), 200));
};
