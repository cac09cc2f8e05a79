import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { AppEnv } from '../../platform/http/context.js';
import { commonErrors } from '../../platform/http/errors.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import { auditContextOf } from '../audit/index.js';
import { registerAccountRoutes } from './account.routes.js';
import * as s from './identity.schemas.js';
import { safeEqual } from './identity.tokens.js';
import * as uc from './identity.usecases.js';

export const SESSION_COOKIE = 'jj_session';
export const CSRF_COOKIE = 'jj_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** What session resolution needs; the routes also need the issuer name shown in authenticator apps. */
export type SessionDeps = { db: Db; clock: Clock; session: uc.SessionSettings; publicUrl?: string | undefined };
export type IdentityDeps = SessionDeps & { totpIssuer: string };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Refuses cross-site writes: a browser's Origin must be this site (or the configured public URL). */
const originAllowed = (c: Context<AppEnv>, publicUrl: string | undefined) => {
  const origin = c.req.header('origin');
  if (!origin) return true; // non-browser clients; cookie writes still need the CSRF token
  const own = new URL(c.req.url).origin;
  const host = c.req.header('host');

  return origin === own || (host !== undefined && (origin === `http://${host}` || origin === `https://${host}`)) || (publicUrl !== undefined && origin === new URL(publicUrl).origin);
};

/**
 * Resolves the session cookie to an actor on every /api request, and enforces CSRF on writes made
 * with that cookie: the X-CSRF-Token header must equal the session's token.
 */
export const authenticate = (deps: SessionDeps) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method) && !originAllowed(c, deps.publicUrl)) throw commonErrors.csrf();
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const actor = await uc.resolveSession({ db: deps.db, clock: deps.clock, session: deps.session, token });
      if (actor && !SAFE_METHODS.has(c.req.method)) {
        const sent = c.req.header(CSRF_HEADER);
        if (!sent || !safeEqual(sent, actor.csrfToken)) throw commonErrors.csrf();
      }
      c.set('actor', actor);
    }
    await next();
  });

const cookieOptions = (c: Context<AppEnv>, maxAgeSeconds: number) => ({
  path: '/',
  sameSite: 'Lax' as const,
  secure: c.get('secure'),
  maxAge: maxAgeSeconds,
});

const loginRoute = defineRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['Auth'],
  summary: 'Sign in with e-mail and password (and the two-factor code when enrolled)',
  policy: { kind: 'public', reason: 'Signing in is how a session starts' },
  request: { body: { required: true, content: { 'application/json': { schema: s.LoginSchema } } } },
  responses: {
    200: { description: 'Signed in; the session cookie is set', content: { 'application/json': { schema: s.LoginResultSchema } } },
    ...problemResponses(400, 401, 403, 429),
  },
});

const logoutRoute = defineRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['Auth'],
  summary: 'Sign out of this session',
  policy: { kind: 'authenticated', allowRestricted: true },
  responses: { 204: { description: 'Signed out' }, ...problemResponses(401, 403) },
});

const logoutAllRoute = defineRoute({
  method: 'post',
  path: '/api/auth/logout-all',
  tags: ['Auth'],
  summary: 'Sign out of every session of this user, on every device',
  policy: { kind: 'authenticated', allowRestricted: true },
  responses: { 200: { description: 'Sessions ended', content: { 'application/json': { schema: s.LogoutAllResultSchema } } }, ...problemResponses(401, 403) },
});

const sessionsRoute = defineRoute({
  method: 'get',
  path: '/api/auth/sessions',
  tags: ['Auth'],
  summary: "The signed-in user's live sessions",
  policy: { kind: 'authenticated', allowRestricted: true },
  responses: { 200: { description: 'Sessions', content: { 'application/json': { schema: s.SessionListSchema } } }, ...problemResponses(401) },
});

const meRoute = defineRoute({
  method: 'get',
  path: '/api/me',
  tags: ['Auth'],
  summary: 'The signed-in user, their organisation, roles and permissions',
  policy: { kind: 'authenticated', allowRestricted: true },
  responses: { 200: { description: 'Me', content: { 'application/json': { schema: s.MeSchema } } }, ...problemResponses(401) },
});

export const registerAuthRoutes = (app: OpenAPIHono<AppEnv>, deps: IdentityDeps) => {
  app.openapi(loginRoute, async (c) => {
    const body = c.req.valid('json');
    const result = await uc.login({
      db: deps.db,
      clock: deps.clock,
      session: deps.session,
      input: { ...body, ip: c.get('clientIp'), userAgent: c.req.header('user-agent') },
      audit: auditContextOf(c),
    });
    const maxAge = Math.floor((result.expiresAt.getTime() - deps.clock.now().getTime()) / 1000);
    setCookie(c, SESSION_COOKIE, result.token, { ...cookieOptions(c, maxAge), httpOnly: true });
    setCookie(c, CSRF_COOKIE, result.csrfToken, { ...cookieOptions(c, maxAge), httpOnly: false });

    return c.json({ userId: result.userId, csrfToken: result.csrfToken, expiresAt: result.expiresAt.toISOString() }, 200);
  });

  app.openapi(logoutRoute, async (c) => {
    await uc.logout({ db: deps.db, clock: deps.clock, actor: c.get('actor')!, audit: auditContextOf(c) });
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    deleteCookie(c, CSRF_COOKIE, { path: '/' });

    return c.body(null, 204);
  });

  app.openapi(logoutAllRoute, async (c) => {
    const result = await uc.logoutEverywhere({ db: deps.db, clock: deps.clock, actor: c.get('actor')!, audit: auditContextOf(c) });
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    deleteCookie(c, CSRF_COOKIE, { path: '/' });

    return c.json(result, 200);
  });

  app.openapi(sessionsRoute, async (c) => {
    const items = await uc.listSessions({ db: deps.db, clock: deps.clock, actor: c.get('actor')! });

    return c.json(
      {
        items: items.map((x) => ({
          ...x,
          createdAt: x.createdAt.toISOString(),
          lastSeenAt: x.lastSeenAt.toISOString(),
          expiresAt: x.expiresAt.toISOString(),
        })),
      },
      200,
    );
  });

  app.openapi(meRoute, async (c) => {
    const actor = c.get('actor')!;

    return c.json(s.presentMe(actor, await uc.describeMe({ db: deps.db, clock: deps.clock, actor })), 200);
  });

  registerAccountRoutes(app, deps);
};
