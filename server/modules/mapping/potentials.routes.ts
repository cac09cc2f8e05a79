import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import { auditContextOf } from '../audit/index.js';
import type { MappingCycleDeps } from './cycles.routes.js';
import type { OverviewCache } from './national.cache.js';
import { mappingOverview } from './national.usecases.js';
import * as s from './potentials.schemas.js';
import * as uc from './potentials.usecases.js';

const tags = ['Mapping'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });
const read = { kind: 'permission', permission: 'mapping.read' } as const;
const manage = { kind: 'permission', permission: 'mapping.manage' } as const;
const writeProblems = problemResponses(400, 401, 403, 404, 409, 422);
const base = '/api/mapping/potentials';

const routes = {
  list: defineRoute({
    method: 'get',
    path: base,
    tags,
    summary: "The register of potentials, needs and problems of the actor's pemda, from accepted OPD answers",
    policy: read,
    request: { query: s.PotentialListQuerySchema },
    responses: { 200: { description: 'Items', content: json(s.PotentialListSchema) }, ...problemResponses(400, 401, 403) },
  }),
  get: defineRoute({
    method: 'get',
    path: `${base}/{id}`,
    tags,
    summary: 'One register item, with the cooperations proposed from it and how far they got',
    policy: read,
    request: { params: s.PotentialParamSchema },
    responses: { 200: { description: 'Item', content: json(s.PotentialSchema) }, ...problemResponses(400, 401, 403, 404) },
  }),
  update: defineRoute({
    method: 'patch',
    path: `${base}/{id}`,
    tags,
    summary: "Correct an item's title, description or kind, or set its status (with a reason)",
    policy: manage,
    request: { params: s.PotentialParamSchema, body: { required: true, content: json(s.PotentialUpdateSchema) } },
    responses: { 200: { description: 'Item', content: json(s.PotentialSchema) }, ...writeProblems },
  }),
  propose: defineRoute({
    method: 'post',
    path: `${base}/{id}/proposal`,
    tags,
    summary: 'Start a cooperation proposal pre-filled from a prioritised or adopted item, and link it',
    policy: manage,
    request: { params: s.PotentialParamSchema, body: { required: true, content: json(s.PotentialProposalSchema) } },
    responses: { 201: { description: 'Proposed', content: json(s.ProposalResultSchema) }, ...writeProblems },
  }),
  overview: defineRoute({
    method: 'get',
    path: '/api/mapping/overview',
    tags,
    summary: "Which pemda completed the year's mapping, where the others stand, and register counts by urusan and strategic issue",
    policy: { kind: 'permission', permission: 'dashboard.read' },
    request: { query: s.OverviewQuerySchema },
    responses: { 200: { description: 'Overview', content: json(s.OverviewSchema) }, ...problemResponses(400, 401, 403) },
  }),
};

/** Registers the register of potentials and the national picture under /api/mapping. overviewCache: null computes the picture on every request. */
export const registerPotentialRoutes = (app: OpenAPIHono<AppEnv>, { db, clock, overviewCache }: Pick<MappingCycleDeps, 'db' | 'clock'> & { overviewCache: OverviewCache | null }) => {
  const deps = (c: Context<AppEnv>) => ({ db, clock, audit: auditContextOf(c), actor: c.get('actor')!, lang: c.get('lang') });

  app.openapi(routes.list, async (c) => c.json(await uc.listPotentials({ db, actor: c.get('actor')!, query: c.req.valid('query') }), 200));
  app.openapi(routes.get, async (c) => c.json(await uc.getPotential({ db, actor: c.get('actor')!, id: c.req.valid('param').id }), 200));
  app.openapi(routes.update, async (c) => c.json(await uc.updatePotential({ ...deps(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200));
  app.openapi(routes.propose, async (c) => c.json(await uc.proposeCooperation({ ...deps(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 201));
  app.openapi(routes.overview, async (c) => c.json(await mappingOverview({ db, clock, cache: overviewCache, actor: c.get('actor')!, query: c.req.valid('query') }), 200));
};
