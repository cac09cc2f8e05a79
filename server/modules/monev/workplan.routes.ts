import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import { auditContextOf } from '../audit/index.js';
import * as s from './workplan.schemas.js';
import * as uc from './workplan.usecases.js';

export type WorkPlanDeps = { db: Db; clock: Clock };

const tags = ['Work plan'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });
const read = { kind: 'permission', permission: 'cooperation.read' } as const;
const write = { kind: 'permission', permission: 'cooperation.write' } as const;
const writeProblems = problemResponses(400, 401, 403, 404, 409, 422);

const getRoute = defineRoute({
  method: 'get',
  path: '/api/cooperations/{id}/work-plan',
  tags,
  summary: 'The work plan of a cooperation: activities, obligations per party, milestones, summary figures and overdue flags',
  policy: read,
  request: { params: s.CooperationParamSchema },
  responses: { 200: { description: 'Work plan', content: json(s.WorkPlanSchema) }, ...problemResponses(400, 401, 403, 404) },
});

const activity = {
  create: defineRoute({
    method: 'post',
    path: '/api/cooperations/{id}/activities',
    tags,
    summary: 'Add an activity to the work plan (party pemda staff, from PKS/NK drafting until the cooperation ends)',
    policy: write,
    request: { params: s.CooperationParamSchema, body: { required: true, content: json(s.ActivityCreateSchema) } },
    responses: { 201: { description: 'Added', content: json(s.ActivitySchema) }, ...writeProblems },
  }),
  update: defineRoute({
    method: 'patch',
    path: '/api/cooperations/{id}/activities/{activityId}',
    tags,
    summary: 'Change an activity',
    policy: write,
    request: { params: s.ActivityParamSchema, body: { required: true, content: json(s.ActivityUpdateSchema) } },
    responses: { 200: { description: 'Changed', content: json(s.ActivitySchema) }, ...writeProblems },
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/api/cooperations/{id}/activities/{activityId}',
    tags,
    summary: 'Delete an activity',
    policy: write,
    request: { params: s.ActivityParamSchema },
    responses: { 204: { description: 'Deleted' }, ...problemResponses(400, 401, 403, 404, 409) },
  }),
};

const obligation = {
  create: defineRoute({
    method: 'post',
    path: '/api/cooperations/{id}/obligations',
    tags,
    summary: 'Add an obligation of a party to the work plan',
    policy: write,
    request: { params: s.CooperationParamSchema, body: { required: true, content: json(s.ObligationCreateSchema) } },
    responses: { 201: { description: 'Added', content: json(s.ObligationSchema) }, ...writeProblems },
  }),
  update: defineRoute({
    method: 'patch',
    path: '/api/cooperations/{id}/obligations/{obligationId}',
    tags,
    summary: 'Change an obligation; a partner changes only the status and note of its own',
    policy: write,
    request: { params: s.ObligationParamSchema, body: { required: true, content: json(s.ObligationUpdateSchema) } },
    responses: { 200: { description: 'Changed', content: json(s.ObligationSchema) }, ...writeProblems },
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/api/cooperations/{id}/obligations/{obligationId}',
    tags,
    summary: 'Delete an obligation',
    policy: write,
    request: { params: s.ObligationParamSchema },
    responses: { 204: { description: 'Deleted' }, ...problemResponses(400, 401, 403, 404, 409) },
  }),
};

const milestone = {
  create: defineRoute({
    method: 'post',
    path: '/api/cooperations/{id}/milestones',
    tags,
    summary: 'Add a milestone to the work plan (party pemda staff, from PKS/NK drafting until the cooperation ends)',
    policy: write,
    request: { params: s.CooperationParamSchema, body: { required: true, content: json(s.MilestoneCreateSchema) } },
    responses: { 201: { description: 'Added', content: json(s.MilestoneSchema) }, ...writeProblems },
  }),
  update: defineRoute({
    method: 'patch',
    path: '/api/cooperations/{id}/milestones/{milestoneId}',
    tags,
    summary: 'Change a milestone',
    policy: write,
    request: { params: s.MilestoneParamSchema, body: { required: true, content: json(s.MilestoneUpdateSchema) } },
    responses: { 200: { description: 'Changed', content: json(s.MilestoneSchema) }, ...writeProblems },
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/api/cooperations/{id}/milestones/{milestoneId}',
    tags,
    summary: 'Delete a milestone',
    policy: write,
    request: { params: s.MilestoneParamSchema },
    responses: { 204: { description: 'Deleted' }, ...problemResponses(400, 401, 403, 404, 409) },
  }),
};

/** Registers the work plan routes under /api/cooperations/{id}. */
export const registerWorkPlanRoutes = (app: OpenAPIHono<AppEnv>, { db, clock }: WorkPlanDeps) => {
  const deps = (c: Context<AppEnv>) => ({ db, clock, audit: auditContextOf(c), actor: c.get('actor')!, lang: c.get('lang') });

  app.openapi(getRoute, async (c) => c.json(await uc.getWorkPlan({ db, clock, actor: c.get('actor')!, cooperationId: c.req.valid('param').id }), 200));

  app.openapi(activity.create, async (c) => c.json(await uc.createActivity({ ...deps(c), cooperationId: c.req.valid('param').id, input: c.req.valid('json') }), 201));
  app.openapi(activity.update, async (c) => {
    const { id, activityId } = c.req.valid('param');

    return c.json(await uc.updateActivity({ ...deps(c), cooperationId: id, activityId, input: c.req.valid('json') }), 200);
  });
  app.openapi(activity.remove, async (c) => {
    const { id, activityId } = c.req.valid('param');
    await uc.deleteActivity({ ...deps(c), cooperationId: id, activityId });

    return c.body(null, 204);
  });

  app.openapi(obligation.create, async (c) => c.json(await uc.createObligation({ ...deps(c), cooperationId: c.req.valid('param').id, input: c.req.valid('json') }), 201));
  app.openapi(obligation.update, async (c) => {
    const { id, obligationId } = c.req.valid('param');

    return c.json(await uc.updateObligation({ ...deps(c), cooperationId: id, obligationId, input: c.req.valid('json') }), 200);
  });
  app.openapi(obligation.remove, async (c) => {
    const { id, obligationId } = c.req.valid('param');
    await uc.deleteObligation({ ...deps(c), cooperationId: id, obligationId });

    return c.body(null, 204);
  });

  app.openapi(milestone.create, async (c) => c.json(await uc.createMilestone({ ...deps(c), cooperationId: c.req.valid('param').id, input: c.req.valid('json') }), 201));
  app.openapi(milestone.update, async (c) => {
    const { id, milestoneId } = c.req.valid('param');

    return c.json(await uc.updateMilestone({ ...deps(c), cooperationId: id, milestoneId, input: c.req.valid('json') }), 200);
  });
  app.openapi(milestone.remove, async (c) => {
    const { id, milestoneId } = c.req.valid('param');
    await uc.deleteMilestone({ ...deps(c), cooperationId: id, milestoneId });

    return c.body(null, 204);
  });
};
