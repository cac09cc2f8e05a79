import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import { auditContextOf } from '../audit/index.js';
import * as s from './roles.schemas.js';
import * as uc from './roles.usecases.js';
import { IdParamSchema } from './users.schemas.js';

const listRolesOfUserRoute = defineRoute({
  method: 'get',
  path: '/api/users/{id}/roles',
  tags: ['Users'],
  summary: "A user's role assignments, including ended and revoked ones",
  policy: { kind: 'permission', permission: 'user.read' },
  request: { params: IdParamSchema },
  responses: { 200: { description: 'Assignments', content: { 'application/json': { schema: s.RoleAssignmentListSchema } } }, ...problemResponses(400, 401, 403, 404) },
});

const grantRoleRoute = defineRoute({
  method: 'post',
  path: '/api/users/{id}/roles',
  tags: ['Users'],
  summary: 'Give a user a role in an organisation for a period',
  policy: { kind: 'permission', permission: 'role.manage' },
  request: { params: IdParamSchema, body: { required: true, content: { 'application/json': { schema: s.RoleGrantSchema } } } },
  responses: {
    201: { description: 'Granted', content: { 'application/json': { schema: s.RoleAssignmentSchema } } },
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
});

const endAssignmentRoute = defineRoute({
  method: 'post',
  path: '/api/role-assignments/{id}/end',
  tags: ['Users'],
  summary: 'Set the last day of a role assignment',
  policy: { kind: 'permission', permission: 'role.manage' },
  request: { params: s.AssignmentIdParamSchema, body: { required: true, content: { 'application/json': { schema: s.RoleEndSchema } } } },
  responses: { 200: { description: 'Ended', content: { 'application/json': { schema: s.RoleAssignmentSchema } } }, ...problemResponses(400, 401, 403, 404, 409, 422) },
});

const revokeAssignmentRoute = defineRoute({
  method: 'post',
  path: '/api/role-assignments/{id}/revoke',
  tags: ['Users'],
  summary: 'Withdraw a role assignment made in error; it stops counting at once',
  policy: { kind: 'permission', permission: 'role.manage' },
  request: { params: s.AssignmentIdParamSchema },
  responses: { 200: { description: 'Revoked', content: { 'application/json': { schema: s.RoleAssignmentSchema } } }, ...problemResponses(400, 401, 403, 404, 409) },
});

const catalogueRoute = defineRoute({
  method: 'get',
  path: '/api/roles',
  tags: ['Users'],
  summary: 'The role catalogue for forms: permissions, allowed organisation types, two-factor',
  policy: { kind: 'authenticated' },
  responses: { 200: { description: 'Roles', content: { 'application/json': { schema: s.RoleCatalogueSchema } } }, ...problemResponses(401, 403) },
});

export const registerRoleRoutes = (app: OpenAPIHono<AppEnv>, deps: { db: Db; clock: Clock }) => {
  const base = (c: Context<AppEnv>) => ({ db: deps.db, clock: deps.clock, audit: auditContextOf(c), actor: c.get('actor')! });

  app.openapi(listRolesOfUserRoute, async (c) => {
    const items = await uc.listUserRoles({ db: deps.db, clock: deps.clock, actor: c.get('actor')!, userId: c.req.valid('param').id });

    return c.json({ items: items.map(s.presentAssignment) }, 200);
  });

  app.openapi(grantRoleRoute, async (c) => {
    const granted = await uc.grantRole({ ...base(c), input: { ...c.req.valid('json'), userId: c.req.valid('param').id } });

    return c.json(s.presentAssignment(granted), 201);
  });

  app.openapi(endAssignmentRoute, async (c) =>
    c.json(s.presentAssignment(await uc.endRoleAssignment({ ...base(c), id: c.req.valid('param').id, input: c.req.valid('json') })), 200),
  );

  app.openapi(revokeAssignmentRoute, async (c) => c.json(s.presentAssignment(await uc.revokeRoleAssignment({ ...base(c), id: c.req.valid('param').id })), 200));

  app.openapi(catalogueRoute, async (c) => c.json({ items: uc.roleCatalogue({ actor: c.get('actor')! }) }, 200));
};
