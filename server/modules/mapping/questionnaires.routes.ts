import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import { auditContextOf } from '../audit/index.js';
import * as s from './questionnaires.schemas.js';
import * as uc from './questionnaires.usecases.js';

const tags = ['Mapping'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });
const read = { kind: 'permission', permission: 'mapping.read' } as const;
const manage = { kind: 'permission', permission: 'mapping.manage' } as const;
const base = '/api/mapping/questionnaires';

const routes = {
  list: defineRoute({
    method: 'get',
    path: base,
    tags,
    summary: "The latest version of each of the pemda's mapping questionnaires",
    policy: read,
    responses: { 200: { description: 'Questionnaires', content: json(s.QuestionnaireListSchema) }, ...problemResponses(401, 403) },
  }),
  get: defineRoute({
    method: 'get',
    path: `${base}/{id}`,
    tags,
    summary: 'One questionnaire version with its definition and whether it is frozen',
    policy: read,
    request: { params: s.QuestionnaireParamSchema },
    responses: { 200: { description: 'Questionnaire', content: json(s.QuestionnaireSchema) }, ...problemResponses(400, 401, 403, 404) },
  }),
  create: defineRoute({
    method: 'post',
    path: base,
    tags,
    summary: 'Build a questionnaire (secretariat, TKKSD chair or secretary)',
    policy: manage,
    request: { body: { required: true, content: json(s.QuestionnaireCreateSchema) } },
    responses: { 201: { description: 'Created', content: json(s.QuestionnaireSchema) }, ...problemResponses(400, 401, 403, 404, 422) },
  }),
  update: defineRoute({
    method: 'put',
    path: `${base}/{id}`,
    tags,
    summary: 'Edit the latest version; once answered it is frozen and the edit becomes the next version',
    policy: manage,
    request: { params: s.QuestionnaireParamSchema, body: { required: true, content: json(s.QuestionnaireUpdateSchema) } },
    responses: { 200: { description: 'Saved (a new id when a new version was made)', content: json(s.QuestionnaireSchema) }, ...problemResponses(400, 401, 403, 404, 409, 422) },
  }),
};

export const registerQuestionnaireRoutes = (app: OpenAPIHono<AppEnv>, { db, clock }: { db: Db; clock: Clock }) => {
  const deps = (c: Context<AppEnv>) => ({ db, clock, audit: auditContextOf(c), actor: c.get('actor')! });

  app.openapi(routes.list, async (c) => c.json(await uc.listQuestionnaires({ db, actor: c.get('actor')! }), 200));
  app.openapi(routes.get, async (c) => c.json(await uc.getQuestionnaire({ db, actor: c.get('actor')!, id: c.req.valid('param').id }), 200));
  app.openapi(routes.create, async (c) => c.json(await uc.createQuestionnaire({ ...deps(c), input: c.req.valid('json') }), 201));
  app.openapi(routes.update, async (c) => c.json(await uc.updateQuestionnaire({ ...deps(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200));
};
