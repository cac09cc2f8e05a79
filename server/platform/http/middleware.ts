import { randomUUID } from 'node:crypto';
import type { Hook } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import { negotiateLang } from '../i18n/i18n.js';
import type { Logger } from '../logger.js';
import type { AppEnv } from './context.js';
import { validationError } from './validation.js';

export const LANG_COOKIE = 'jj_lang';
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

const remoteAddress = (c: Parameters<typeof getConnInfo>[0]): string => {
  try {
    return getConnInfo(c).remote.address ?? '';
  } catch {
    return ''; // app.request() in tests has no socket
  }
};

/** Request id, language, client address, TLS flag and a per-request logger; logs one line per request. */
export const requestContext = (logger: Logger, trustProxy: boolean) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const forwardedFor = trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
    const clientIp = forwardedFor || remoteAddress(c) || 'unknown';
    const proto = trustProxy ? c.req.header('x-forwarded-proto') : undefined;
    c.set('requestId', requestId);
    c.set('lang', negotiateLang(getCookie(c, LANG_COOKIE), c.req.header('accept-language')));
    c.set('clientIp', clientIp);
    c.set('secure', proto === 'https' || new URL(c.req.url).protocol === 'https:');
    c.set('actor', null);
    const log = logger.child({ requestId });
    c.set('logger', log);
    c.header('x-request-id', requestId);
    await next();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    log.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms, userId: c.get('actor')?.userId }, 'request');
  });

/**
 * Security headers on every response: a CSP with no inline script, no framing, nosniff, a strict
 * referrer policy, and HSTS only when the request really came over TLS.
 */
export const securityHeaders = () => {
  const strict = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      workerSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    strictTransportSecurity: false,
    xFrameOptions: 'DENY',
    referrerPolicy: 'strict-origin-when-cross-origin',
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: 'same-origin',
    xContentTypeOptions: true,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });

  return createMiddleware<AppEnv>(async (c, next) => {
    await strict(c, next);
    if (c.get('secure')) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  });
};

/** The validation hook every route shares: zod failures become 400 problems with field errors. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (!result.success) throw validationError(result.error, c.get('lang'), result.target === 'json' || result.target === 'form' ? undefined : result.target);
};
