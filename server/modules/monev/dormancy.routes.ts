import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import * as s from './dormancy.schemas.js';
import * as uc from './dormancy.usecases.js';

export type DormancyDeps = { db: Db; clock: Clock };

const getRoute = defineRoute({
  method: 'get',
  path: '/api/cooperations/{id}/dormancy',
  tags: ['Monev'],
  summary: 'Whether a cooperation is "tidak aktif", since when, and its escalation: the step reached and who was told when',
  policy: { kind: 'permission', permission: 'cooperation.read' },
  request: { params: z.strictObject({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: { description: 'Dormancy', content: { 'application/json': { schema: s.DormancySchema } } }, ...problemResponses(400, 401, 403, 404) },
});

export const registerDormancyRoutes = (app: OpenAPIHono<AppEnv>, deps: DormancyDeps) => {
  app.openapi(getRoute, async (c) => c.json(await uc.getDormancy({ ...deps, actor: c.get('actor')!, cooperationId: c.req.valid('param').id }), 200));
};
