import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute, type Policy } from '../../platform/http/route.js';
import { auditContextOf } from '../audit/index.js';
import { getPublicationView, listPublicationReleases } from './backoffice.usecases.js';
import { PublicationViewSchema, ReleaseListSchema } from './backoffice.schemas.js';
import { PublicationBodySchema, WithdrawBodySchema } from './portal.schemas.js';
import { IdParamSchema } from './public.schemas.js';
import { publish, refreshRelease, updateVisibility, withdraw } from './publication.usecases.js';
import type { ReleaseSettings } from './release.usecases.js';

export type PortalDeps = { db: Db; clock: Clock; settings: ReleaseSettings };

const tags = ['Publication'];
const json = <T>(schema: T) => ({ 'application/json': { schema } });
const read: Policy = { kind: 'permission', permission: 'cooperation.read' };
const publisher: Policy = { kind: 'permission', permission: 'portal.publish' };
const base = '/api/cooperations/{id}/publication';
const view = { 200: { description: 'The publication', content: json(PublicationViewSchema) } };

const change = <B extends z.ZodType>(method: 'post' | 'put', path: string, summary: string, body: B) =>
  defineRoute({
    method,
    path: `${base}${path}`,
    tags,
    summary,
    policy: publisher,
    request: { params: IdParamSchema, body: { required: true, content: json(body) } },
    responses: { ...view, ...problemResponses(400, 401, 403, 404, 409, 422) },
  });

const routes = {
  get: defineRoute({
    method: 'get',
    path: base,
    tags,
    summary: 'Whether and how the cooperation is published: status, visible parts, public documents, latest release',
    policy: read,
    request: { params: IdParamSchema },
    responses: { ...view, ...problemResponses(400, 401, 403, 404) },
  }),
  releases: defineRoute({
    method: 'get',
    path: `${base}/releases`,
    tags,
    summary: 'The release history of the cooperation (dates, sequence, tag)',
    policy: read,
    request: { params: IdParamSchema },
    responses: { 200: { description: 'Releases', content: json(ReleaseListSchema) }, ...problemResponses(400, 401, 403, 404) },
  }),
  update: change('put', '', 'Change the visible parts and public documents of a published cooperation; a release is added if the public snapshot changed', PublicationBodySchema),
  publish: change('post', '/publish', 'Publish the cooperation (its owning pemda’s secretariat; a signed agreement must exist)', PublicationBodySchema),
  refresh: change('post', '/refresh', '“Perbarui rilis”: rebuild the snapshot now; a release is added only if it changed', z.strictObject({})),
  withdraw: change('post', '/withdraw', 'Take the cooperation off the portal; its release history stays public', WithdrawBodySchema),
};

/** Registers the back office's publication routes under /api/cooperations/{id}/publication. */
export const registerPortalRoutes = (app: OpenAPIHono<AppEnv>, { db, clock, settings }: PortalDeps) => {
  const deps = (c: Context<AppEnv>) => ({ db, clock, settings, audit: auditContextOf(c), actor: c.get('actor')! });
  const viewOf = (c: Context<AppEnv>, id: string) => getPublicationView({ db, actor: c.get('actor')!, id });

  app.openapi(routes.get, async (c) => c.json(await viewOf(c, c.req.valid('param').id), 200) as never);
  app.openapi(routes.releases, async (c) => c.json(await listPublicationReleases({ db, actor: c.get('actor')!, id: c.req.valid('param').id }), 200));
  app.openapi(routes.update, async (c) => {
    const { id } = c.req.valid('param');
    await updateVisibility(deps(c), id, c.req.valid('json'));

    return c.json(await viewOf(c, id), 200) as never;
  });
  app.openapi(routes.publish, async (c) => {
    const { id } = c.req.valid('param');
    await publish(deps(c), id, c.req.valid('json'));

    return c.json(await viewOf(c, id), 200) as never;
  });
  app.openapi(routes.refresh, async (c) => {
    const { id } = c.req.valid('param');
    await refreshRelease(deps(c), id);

    return c.json(await viewOf(c, id), 200) as never;
  });
  app.openapi(routes.withdraw, async (c) => {
    const { id } = c.req.valid('param');
    await withdraw(deps(c), id, c.req.valid('json').reason);

    return c.json(await viewOf(c, id), 200) as never;
  });
};
