import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import { auditContextOf } from '../audit/index.js';
import * as s from './answers.schemas.js';
import * as uc from './answers.usecases.js';

const tags = ['Mapping'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });
const read = { kind: 'permission', permission: 'mapping.read' } as const;
const answer = { kind: 'permission', permission: 'mapping.answer' } as const;
const manage = { kind: 'permission', permission: 'mapping.manage' } as const;
const writeProblems = problemResponses(400, 401, 403, 404, 409, 422);
const base = '/api/mapping/cycles/{id}/answers/{orgId}';

const routes = {
  get: defineRoute({
    method: 'get',
    path: base,
    tags,
    summary: "An OPD's answer in a cycle with the questionnaire it answers, review comment and history",
    policy: read,
    request: { params: s.AnswerParamSchema },
    responses: { 200: { description: 'Answer', content: json(s.AnswerSchema) }, ...problemResponses(400, 401, 403, 404) },
  }),
  history: defineRoute({
    method: 'get',
    path: `${base}/history`,
    tags,
    summary: 'Every submission of the answer as sent, and every save, return, acceptance and reopening',
    policy: read,
    request: { params: s.AnswerParamSchema },
    responses: { 200: { description: 'History', content: json(s.AnswerHistorySchema) }, ...problemResponses(400, 401, 403, 404) },
  }),
  save: defineRoute({
    method: 'put',
    path: base,
    tags,
    summary: "Draft or submit the OPD's answer (its liaison or head); after the deadline only when reopened (409 mapping.answer_deadline_passed)",
    policy: answer,
    request: { params: s.AnswerParamSchema, body: { required: true, content: json(s.AnswerSaveSchema) } },
    responses: { 200: { description: 'Answer', content: json(s.AnswerSchema) }, ...writeProblems },
  }),
  return: defineRoute({
    method: 'post',
    path: `${base}/return`,
    tags,
    summary: 'Return a submitted answer for revision with a comment (TKKSD or secretariat); a deadline reopens it',
    policy: manage,
    request: { params: s.AnswerParamSchema, body: { required: true, content: json(s.AnswerReturnSchema) } },
    responses: { 200: { description: 'Answer', content: json(s.AnswerSchema) }, ...writeProblems },
  }),
  accept: defineRoute({
    method: 'post',
    path: `${base}/accept`,
    tags,
    summary: 'Accept a submitted answer (TKKSD or secretariat)',
    policy: manage,
    request: { params: s.AnswerParamSchema, body: { required: true, content: json(s.AnswerAcceptSchema) } },
    responses: { 200: { description: 'Answer', content: json(s.AnswerSchema) }, ...writeProblems },
  }),
  reopen: defineRoute({
    method: 'post',
    path: `${base}/reopen`,
    tags,
    summary: 'Reopen submission for one OPD until a new deadline (TKKSD or secretariat)',
    policy: manage,
    request: { params: s.AnswerParamSchema, body: { required: true, content: json(s.AnswerReopenSchema) } },
    responses: { 200: { description: 'Answer', content: json(s.AnswerSchema) }, ...writeProblems },
  }),
};

export const registerAnswerRoutes = (app: OpenAPIHono<AppEnv>, { db, clock, publicUrl }: { db: Db; clock: Clock; publicUrl: string }) => {
  const deps = (c: Context<AppEnv>) => {
    const { id, orgId } = c.req.valid('param' as never) as { id: string; orgId: string };

    return { db, clock, publicUrl, audit: auditContextOf(c), actor: c.get('actor')!, lang: c.get('lang'), cycleId: id, orgId };
  };

  app.openapi(routes.get, async (c) => c.json(await uc.getAnswer(deps(c)), 200));
  app.openapi(routes.history, async (c) => c.json(await uc.answerHistory(deps(c)), 200));
  app.openapi(routes.save, async (c) => c.json(await uc.saveAnswer({ ...deps(c), input: c.req.valid('json') }), 200));
  app.openapi(routes.return, async (c) => c.json(await uc.returnAnswer({ ...deps(c), input: c.req.valid('json') }), 200));
  app.openapi(routes.accept, async (c) => c.json(await uc.acceptAnswer({ ...deps(c), input: c.req.valid('json') }), 200));
  app.openapi(routes.reopen, async (c) => c.json(await uc.reopenAnswer({ ...deps(c), input: c.req.valid('json') }), 200));
};
