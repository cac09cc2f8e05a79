import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import { auditContextOf } from '../audit/index.js';
import * as s from './organizations.schemas.js';
import * as uc from './organizations.usecases.js';
import { listTenants } from './tenants.usecases.js';

const listRoute = defineRoute({
  method: 'get',
  path: '/api/organizations',
  tags: ['Organizations'],
  summary: 'Search the organisations the caller may see: own pemda units, every pemda, partners and central bodies',
  policy: { kind: 'permission', permission: 'org.read' },
  request: { query: s.OrganizationQuerySchema },
  responses: {
    200: { description: 'Organisations', content: { 'application/json': { schema: s.OrganizationListSchema } } },
    ...problemResponses(400, 401, 403),
  },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/api/organizations/{id}',
  tags: ['Organizations'],
  summary: 'One organisation with its parent and number of sub-units',
  policy: { kind: 'permission', permission: 'org.read' },
  request: { params: s.IdParamSchema },
  responses: {
    200: { description: 'Organisation', content: { 'application/json': { schema: s.OrganizationDetailSchema } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

const createRoute = defineRoute({
  method: 'post',
  path: '/api/organizations',
  tags: ['Organizations'],
  summary: 'Add a unit to own pemda or a partner to the shared registry (platform admin: any type)',
  policy: { kind: 'permission', permission: 'org.manage' },
  request: { body: { required: true, content: { 'application/json': { schema: s.OrganizationCreateSchema } } } },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: s.OrganizationSchema } } },
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
});

const updateRoute = defineRoute({
  method: 'patch',
  path: '/api/organizations/{id}',
  tags: ['Organizations'],
  summary: 'Rename, move within its pemda, correct identifiers, or deactivate an organisation',
  policy: { kind: 'permission', permission: 'org.manage' },
  request: { params: s.IdParamSchema, body: { required: true, content: { 'application/json': { schema: s.OrganizationUpdateSchema } } } },
  responses: {
    200: { description: 'Updated', content: { 'application/json': { schema: s.OrganizationSchema } } },
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
});

const tenantsRoute = defineRoute({
  method: 'get',
  path: '/api/tenants',
  tags: ['Organizations'],
  summary: 'The pemda tenants the caller works in (write) or oversees (read)',
  policy: { kind: 'permission', permission: 'org.read' },
  responses: {
    200: { description: 'Tenants', content: { 'application/json': { schema: s.TenantListSchema } } },
    ...problemResponses(401, 403),
  },
});

export const registerOrganizationRoutes = (app: OpenAPIHono<AppEnv>, deps: { db: Db; clock: Clock }) => {
  app.openapi(listRoute, async (c) => {
    const { type, ...q } = c.req.valid('query');
    const result = await uc.listOrganizations({ db: deps.db, actor: c.get('actor'), query: { ...q, types: type } });

    return c.json({ items: result.items.map(s.presentOrganization), total: result.total }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const found = await uc.getOrganization({ db: deps.db, actor: c.get('actor'), id: c.req.valid('param').id });

    return c.json({ ...s.presentOrganization(found.organization), parent: found.parent, childCount: found.childCount }, 200);
  });

  app.openapi(createRoute, async (c) => {
    const created = await uc.createOrganization({ ...deps, audit: auditContextOf(c), actor: c.get('actor'), input: c.req.valid('json') });

    return c.json(s.presentOrganization(created), 201);
  });

  app.openapi(updateRoute, async (c) => {
    const updated = await uc.updateOrganization({
      ...deps,
      audit: auditContextOf(c),
      actor: c.get('actor'),
      id: c.req.valid('param').id,
      input: c.req.valid('json'),
    });

    return c.json(s.presentOrganization(updated), 200);
  });

  app.openapi(tenantsRoute, async (c) => {
    const items = await listTenants({ db: deps.db, actor: c.get('actor') });

    return c.json({ items }, 200);
  });
};
