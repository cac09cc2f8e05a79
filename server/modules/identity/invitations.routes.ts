import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import { auditContextOf } from '../audit/index.js';
import * as uc from './invitations.usecases.js';

const TokenSchema = z.strictObject({ token: z.string().min(20).max(200) }).openapi('InvitationToken');

const inspectRoute = defineRoute({
  method: 'post',
  path: '/api/auth/invitations/inspect',
  tags: ['Auth'],
  summary: 'Who an invitation link is for (name and e-mail), while it is unused and unexpired',
  policy: { kind: 'public', reason: 'the invitee has no account yet; the 256-bit token is the credential' },
  request: { body: { required: true, content: { 'application/json': { schema: TokenSchema } } } },
  responses: {
    200: { description: 'Invitation', content: { 'application/json': { schema: z.object({ email: z.string(), name: z.string() }).openapi('InvitationInfo') } } },
    ...problemResponses(400, 410),
  },
});

const acceptRoute = defineRoute({
  method: 'post',
  path: '/api/auth/invitations/accept',
  tags: ['Auth'],
  summary: 'Set the password of an invited account and spend the link',
  policy: { kind: 'public', reason: 'the invitee has no account yet; the 256-bit token is the credential' },
  request: {
    body: { required: true, content: { 'application/json': { schema: TokenSchema.extend({ password: z.string().min(1).max(200) }).openapi('InvitationAccept') } } },
  },
  responses: { 204: { description: 'Password set; sign in now' }, ...problemResponses(400, 410, 422) },
});

export const registerInvitationRoutes = (app: OpenAPIHono<AppEnv>, deps: { db: Db; clock: Clock }) => {
  app.openapi(inspectRoute, async (c) => c.json(await uc.inspectInvitation({ ...deps, token: c.req.valid('json').token }), 200));

  app.openapi(acceptRoute, async (c) => {
    await uc.acceptInvitation({ ...deps, audit: auditContextOf(c), lang: c.get('lang'), input: c.req.valid('json') });

    return c.body(null, 204);
  });
};
