import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import { auditContextOf } from '../audit/index.js';
import { attachmentHeaders } from '../files/index.js';
import { CycleParamSchema } from './cycles.schemas.js';
import * as s from './plenary.schemas.js';
import * as uc from './plenary.usecases.js';

const tags = ['Mapping'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });
const read = { kind: 'permission', permission: 'mapping.read' } as const;
const manage = { kind: 'permission', permission: 'mapping.manage' } as const;
const base = '/api/mapping/cycles/{id}/plenary';

const routes = {
  get: defineRoute({
    method: 'get',
    path: base,
    tags,
    summary: 'The TKKSD plenary of a cycle: criteria and weights in force, the items ranked by weighted score, the decision and the plenary meetings to record it in',
    policy: read,
    request: { params: CycleParamSchema },
    responses: { 200: { description: 'Plenary', content: json(s.PlenarySchema) }, ...problemResponses(400, 401, 403, 404) },
  }),
  scores: defineRoute({
    method: 'put',
    path: `${base}/scores`,
    tags,
    summary: 'Record the agreed scores of items per criterion (null clears one); totals follow the rule pack’s weights',
    policy: manage,
    request: { params: CycleParamSchema, body: { required: true, content: json(s.ScoresInputSchema) } },
    responses: { 200: { description: 'Plenary', content: json(s.PlenarySchema) }, ...problemResponses(400, 401, 403, 404, 409, 422) },
  }),
  decide: defineRoute({
    method: 'post',
    path: `${base}/decision`,
    tags,
    summary: 'Decide the priority list in a held TKKSD plenary; chosen items become DIPRIORITASKAN (a later decision replaces it until the cycle is determined)',
    policy: manage,
    request: { params: CycleParamSchema, body: { required: true, content: json(s.DecisionInputSchema) } },
    responses: { 200: { description: 'Plenary', content: json(s.PlenarySchema) }, ...problemResponses(400, 401, 403, 404, 409, 422) },
  }),
  document: defineRoute({
    method: 'get',
    path: `${base}/{document}`,
    tags,
    summary: 'The Berita Acara of the plenary or the draft Keputusan Kepala Daerah adopting the Rencana Program & Kegiatan KSD, as DOCX or PDF',
    policy: read,
    request: { params: s.PlenaryDocParamSchema, query: s.PlenaryDocQuerySchema },
    responses: {
      200: { description: 'The document, as an attachment', content: { 'application/octet-stream': { schema: s.PlenaryDownloadSchema } } },
      ...problemResponses(400, 401, 403, 404, 409),
    },
  }),
};

/** Registers the TKKSD plenary routes under /api/mapping/cycles/{id}/plenary. */
export const registerPlenaryRoutes = (app: OpenAPIHono<AppEnv>, { db, clock }: { db: Db; clock: Clock }) => {
  const deps = (c: Context<AppEnv>) => ({ db, clock, audit: auditContextOf(c), actor: c.get('actor')!, lang: c.get('lang') });

  app.openapi(routes.get, async (c) => c.json(await uc.getPlenary({ db, clock, actor: c.get('actor')!, lang: c.get('lang'), id: c.req.valid('param').id }), 200));
  app.openapi(routes.scores, async (c) => c.json(await uc.saveScores({ ...deps(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200));
  app.openapi(routes.decide, async (c) => c.json(await uc.decidePlenary({ ...deps(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200));
  app.openapi(routes.document, async (c) => {
    const { id, document } = c.req.valid('param');
    const out = await uc.plenaryDocument({ db, clock, actor: c.get('actor')!, id, document, format: c.req.valid('query').format });

    return c.body(out.content, 200, attachmentHeaders(out));
  });
};
