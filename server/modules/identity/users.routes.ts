import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import { auditContextOf } from '../audit/index.js';
import { registerRoleRoutes } from './roles.routes.js';
import * as s from './users.schemas.js';
import * as uc from './users.usecases.js';

export type UserAdminDeps = { db: Db; clock: Clock };

const listUsersRoute = defineRoute({
  method: 'get',
  path: '/api/users',
  tags: ['Users'],
  summary: 'Users the caller may see: own tenants, overseen tenants, or all for platform admins and Kemendagri',
  policy: { kind: 'permission', permission: 'user.read' },
  request: { query: s.UserQuerySchema },
  responses: { 200: { description: 'Users', content: { 'application/json': { schema: s.UserListSchema } } }, ...problemResponses(400, 401, 403) },
});

const getUserRoute = defineRoute({
  method: 'get',
  path: '/api/users/{id}',
  tags: ['Users'],
  summary: 'One user',
  policy: { kind: 'permission', permission: 'user.read' },
  request: { params: s.IdParamSchema },
  responses: { 200: { description: 'User', content: { 'application/json': { schema: s.UserSchema } } }, ...problemResponses(400, 401, 403, 404) },
});

const createUserRoute = defineRoute({
  method: 'post',
  path: '/api/users',
  tags: ['Users'],
  summary: 'Create a user in an organisation the caller administers',
  policy: { kind: 'permission', permission: 'user.manage' },
  request: { body: { required: true, content: { 'application/json': { schema: s.UserCreateSchema } } } },
  responses: { 201: { description: 'Created', content: { 'application/json': { schema: s.UserSchema } } }, ...problemResponses(400, 401, 403, 409, 422) },
});

const updateUserRoute = defineRoute({
  method: 'patch',
  path: '/api/users/{id}',
  tags: ['Users'],
  summary: 'Change, move, disable or re-enable a user',
  policy: { kind: 'permission', permission: 'user.manage' },
  request: { params: s.IdParamSchema, body: { required: true, content: { 'application/json': { schema: s.UserUpdateSchema } } } },
  responses: { 200: { description: 'Updated', content: { 'application/json': { schema: s.UserSchema } } }, ...problemResponses(400, 401, 403, 404, 409, 422) },
});

const resetPasswordRoute = defineRoute({
  method: 'post',
  path: '/api/users/{id}/reset-password',
  tags: ['Users'],
  summary: "Set a user's password (forgotten password); all their sessions end",
  policy: { kind: 'permission', permission: 'user.manage' },
  request: { params: s.IdParamSchema, body: { required: true, content: { 'application/json': { schema: s.ResetPasswordSchema } } } },
  responses: { 204: { description: 'Password set' }, ...problemResponses(400, 401, 403, 404) },
});

const resetTwoFactorRoute = defineRoute({
  method: 'post',
  path: '/api/users/{id}/reset-two-factor',
  tags: ['Users'],
  summary: "Turn off a user's two-factor sign-in (lost authenticator); all their sessions end",
  policy: { kind: 'permission', permission: 'user.manage' },
  request: { params: s.IdParamSchema },
  responses: { 204: { description: 'Two-factor turned off' }, ...problemResponses(401, 403, 404, 409) },
});

/** Users and their role assignments, for tenant and platform administrators. */
export const registerUserAdminRoutes = (app: OpenAPIHono<AppEnv>, deps: UserAdminDeps) => {
  const base = (c: Context<AppEnv>) => ({ db: deps.db, clock: deps.clock, audit: auditContextOf(c), actor: c.get('actor')! });

  app.openapi(listUsersRoute, async (c) => {
    const { items, total } = await uc.listUsers({ db: deps.db, actor: c.get('actor')!, query: c.req.valid('query') });

    return c.json({ items: items.map(s.presentUser), total }, 200);
  });

  app.openapi(getUserRoute, async (c) => c.json(s.presentUser(await uc.getUser({ db: deps.db, actor: c.get('actor')!, id: c.req.valid('param').id })), 200));

  app.openapi(createUserRoute, async (c) => c.json(s.presentUser(await uc.createUser({ ...base(c), input: c.req.valid('json'), lang: c.get('lang') })), 201));

  app.openapi(updateUserRoute, async (c) => c.json(s.presentUser(await uc.updateUser({ ...base(c), id: c.req.valid('param').id, input: c.req.valid('json') })), 200));

  app.openapi(resetTwoFactorRoute, async (c) => {
    await uc.resetUserTwoFactor({ ...base(c), id: c.req.valid('param').id });

    return c.body(null, 204);
  });

  app.openapi(resetPasswordRoute, async (c) => {
    await uc.resetUserPassword({ ...base(c), id: c.req.valid('param').id, input: c.req.valid('json'), lang: c.get('lang') });

    return c.body(null, 204);
  });

  registerRoleRoutes(app, deps);
};
