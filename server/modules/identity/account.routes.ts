import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import { auditContextOf } from '../audit/index.js';
import * as s from './account.schemas.js';
import * as uc from './account.usecases.js';
import { MeSchema, MeUpdateSchema, presentMe } from './identity.schemas.js';

export type AccountDeps = { db: Db; clock: Clock; totpIssuer: string };

// Enrolment routes stay open to a restricted session: an admin who must enrol can do nothing else.
const ENROLMENT = { kind: 'authenticated', allowRestricted: true } as const;

const totpSetupRoute = defineRoute({
  method: 'post',
  path: '/api/auth/totp/setup',
  tags: ['Auth'],
  summary: 'Start authenticator enrolment: a new secret and its QR code',
  policy: ENROLMENT,
  responses: { 200: { description: 'Pending secret', content: { 'application/json': { schema: s.TotpSetupSchema } } }, ...problemResponses(401, 403, 409) },
});

const totpEnableRoute = defineRoute({
  method: 'post',
  path: '/api/auth/totp/enable',
  tags: ['Auth'],
  summary: 'Confirm enrolment with a code; returns the recovery codes once',
  policy: ENROLMENT,
  request: { body: { required: true, content: { 'application/json': { schema: s.TotpEnableSchema } } } },
  responses: { 200: { description: 'Two-factor is on', content: { 'application/json': { schema: s.RecoveryCodesSchema } } }, ...problemResponses(400, 401, 403, 409) },
});

const totpDisableRoute = defineRoute({
  method: 'post',
  path: '/api/auth/totp/disable',
  tags: ['Auth'],
  summary: 'Turn two-factor off (not allowed for roles that require it)',
  policy: ENROLMENT,
  request: { body: { required: true, content: { 'application/json': { schema: s.PasswordConfirmSchema } } } },
  responses: { 204: { description: 'Two-factor is off' }, ...problemResponses(400, 401, 403, 409) },
});

const recoveryCodesRoute = defineRoute({
  method: 'post',
  path: '/api/auth/recovery-codes',
  tags: ['Auth'],
  summary: 'Replace all recovery codes with ten new ones',
  policy: ENROLMENT,
  request: { body: { required: true, content: { 'application/json': { schema: s.PasswordConfirmSchema } } } },
  responses: { 200: { description: 'New codes', content: { 'application/json': { schema: s.RecoveryCodesSchema } } }, ...problemResponses(400, 401, 403, 409) },
});

const passwordRoute = defineRoute({
  method: 'post',
  path: '/api/auth/password',
  tags: ['Auth'],
  summary: 'Change your password; your other sessions end',
  policy: { kind: 'authenticated' },
  request: { body: { required: true, content: { 'application/json': { schema: s.PasswordChangeSchema } } } },
  responses: { 204: { description: 'Password changed' }, ...problemResponses(400, 401, 403) },
});

const updateMeRoute = defineRoute({
  method: 'patch',
  path: '/api/me',
  tags: ['Auth'],
  summary: 'Change your display name or language',
  policy: { kind: 'authenticated' },
  request: { body: { required: true, content: { 'application/json': { schema: MeUpdateSchema } } } },
  responses: { 200: { description: 'Me', content: { 'application/json': { schema: MeSchema } } }, ...problemResponses(400, 401, 403) },
});

export const registerAccountRoutes = (app: OpenAPIHono<AppEnv>, deps: AccountDeps) => {
  const base = (c: Context<AppEnv>) => ({ db: deps.db, clock: deps.clock, audit: auditContextOf(c), actor: c.get('actor')! });

  app.openapi(totpSetupRoute, async (c) => c.json(await uc.startTotpSetup({ ...base(c), issuer: deps.totpIssuer }), 200));

  app.openapi(totpEnableRoute, async (c) => c.json(await uc.enableTotp({ ...base(c), input: c.req.valid('json') }), 200));

  app.openapi(totpDisableRoute, async (c) => {
    await uc.disableTotp({ ...base(c), input: c.req.valid('json'), lang: c.get('lang') });

    return c.body(null, 204);
  });

  app.openapi(recoveryCodesRoute, async (c) => c.json(await uc.regenerateRecoveryCodes({ ...base(c), input: c.req.valid('json'), lang: c.get('lang') }), 200));

  app.openapi(passwordRoute, async (c) => {
    await uc.changePassword({ ...base(c), input: c.req.valid('json'), lang: c.get('lang') });

    return c.body(null, 204);
  });

  app.openapi(updateMeRoute, async (c) => {
    const actor = c.get('actor')!;
    const me = await uc.updateMyProfile({ ...base(c), input: c.req.valid('json') });

    return c.json(presentMe(actor, me), 200);
  });
};
