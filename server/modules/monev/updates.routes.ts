import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import { auditContextOf } from '../audit/index.js';
import * as s from './updates.schemas.js';
import * as uc from './updates.usecases.js';

export type UpdateDeps = { db: Db; clock: Clock; publicUrl: string };

const tags = ['Progress updates'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });
const read = { kind: 'permission', permission: 'cooperation.read' } as const;
const write = { kind: 'permission', permission: 'cooperation.write' } as const;
const writeProblems = problemResponses(400, 401, 403, 404, 409, 422);
const base = '/api/cooperations/{id}/updates';

const routes = {
  list: defineRoute({
    method: 'get',
    path: base,
    tags,
    summary: 'The progress updates of a cooperation, grouped by series with every revision and its history',
    policy: read,
    request: { params: s.CooperationParamSchema },
    responses: { 200: { description: 'Updates', content: json(s.UpdateListSchema) }, ...problemResponses(400, 401, 403, 404) },
  }),
  get: defineRoute({
    method: 'get',
    path: `${base}/{updateId}`,
    tags,
    summary: 'One progress update with its history',
    policy: read,
    request: { params: s.UpdateParamSchema },
    responses: { 200: { description: 'Update', content: json(s.UpdateSchema) }, ...problemResponses(400, 401, 403, 404) },
  }),
  create: defineRoute({
    method: 'post',
    path: base,
    tags,
    summary: 'Send (or draft) a progress update with figures per activity, indicator actuals and evidence (liaison, OPD, secretariat of a party pemda; a partner for its own activities)',
    policy: write,
    request: { params: s.CooperationParamSchema, body: { required: true, content: json(s.UpdateCreateSchema) } },
    responses: { 201: { description: 'Sent', content: json(s.UpdateSchema) }, ...writeProblems },
  }),
  rework: defineRoute({
    method: 'put',
    path: `${base}/{updateId}`,
    tags,
    summary: 'Rework a draft or returned update and (re)submit it; an approved update is locked (409 monev.update_locked)',
    policy: write,
    request: { params: s.UpdateParamSchema, body: { required: true, content: json(s.UpdateReworkSchema) } },
    responses: { 200: { description: 'Saved', content: json(s.UpdateSchema) }, ...writeProblems },
  }),
  approve: defineRoute({
    method: 'post',
    path: `${base}/{updateId}/approve`,
    tags,
    summary: 'Approve a submitted update (secretariat of the reviewing pemda, not its sender): its figures are applied and locked',
    policy: write,
    request: { params: s.UpdateParamSchema, body: { required: true, content: json(s.ApproveSchema) } },
    responses: { 200: { description: 'Approved', content: json(s.UpdateSchema) }, ...writeProblems },
  }),
  return: defineRoute({
    method: 'post',
    path: `${base}/{updateId}/return`,
    tags,
    summary: 'Return a submitted update to its sender with a comment',
    policy: write,
    request: { params: s.UpdateParamSchema, body: { required: true, content: json(s.ReturnSchema) } },
    responses: { 200: { description: 'Returned', content: json(s.UpdateSchema) }, ...writeProblems },
  }),
  revise: defineRoute({
    method: 'post',
    path: `${base}/{updateId}/revisions`,
    tags,
    summary: 'Correct an approved update: a new revision with a reason, approved like any update; approving it supersedes this one',
    policy: write,
    request: { params: s.UpdateParamSchema, body: { required: true, content: json(s.UpdateReviseSchema) } },
    responses: { 201: { description: 'Revision sent', content: json(s.UpdateSchema) }, ...writeProblems },
  }),
  queue: defineRoute({
    method: 'get',
    path: '/api/progress-updates',
    tags,
    summary: "The secretariat's queue: progress updates in one status across the pemda it serves, oldest submission first",
    policy: write,
    request: { query: s.QueueQuerySchema },
    responses: { 200: { description: 'Queue page', content: json(s.QueueSchema) }, ...problemResponses(400, 401, 403) },
  }),
};

/** Registers the progress update routes under /api/cooperations/{id}/updates and the queue. */
export const registerUpdateRoutes = (app: OpenAPIHono<AppEnv>, { db, clock, publicUrl }: UpdateDeps) => {
  const deps = (c: Context<AppEnv>) => ({ db, clock, publicUrl, audit: auditContextOf(c), actor: c.get('actor')!, lang: c.get('lang') });

  app.openapi(routes.queue, async (c) => c.json(await uc.updateQueue({ db, actor: c.get('actor')!, query: c.req.valid('query') }), 200));
  app.openapi(routes.list, async (c) => c.json(await uc.listUpdates({ db, actor: c.get('actor')!, cooperationId: c.req.valid('param').id }), 200));
  app.openapi(routes.get, async (c) => {
    const { id, updateId } = c.req.valid('param');

    return c.json(await uc.getUpdate({ db, actor: c.get('actor')!, cooperationId: id, updateId }), 200);
  });
  app.openapi(routes.create, async (c) => c.json(await uc.createUpdate({ ...deps(c), cooperationId: c.req.valid('param').id, input: c.req.valid('json') }), 201));
  app.openapi(routes.rework, async (c) => {
    const { id, updateId } = c.req.valid('param');

    return c.json(await uc.reworkUpdate({ ...deps(c), cooperationId: id, updateId, input: c.req.valid('json') }), 200);
  });
  app.openapi(routes.approve, async (c) => {
    const { id, updateId } = c.req.valid('param');

    return c.json(await uc.approveUpdate({ ...deps(c), cooperationId: id, updateId, input: c.req.valid('json') }), 200);
  });
  app.openapi(routes.return, async (c) => {
    const { id, updateId } = c.req.valid('param');

    return c.json(await uc.returnUpdate({ ...deps(c), cooperationId: id, updateId, input: c.req.valid('json') }), 200);
  });
  app.openapi(routes.revise, async (c) => {
    const { id, updateId } = c.req.valid('param');

    return c.json(await uc.reviseUpdate({ ...deps(c), cooperationId: id, updateId, input: c.req.valid('json') }), 201);
  });
};
