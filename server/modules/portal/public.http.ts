import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../platform/http/context.js';

/**
 * HTTP manners of the public API: anyone may fetch it from any origin (GET only, no cookie
 * needed), caches may keep it, and harvesters revalidate cheaply with ETag / Last-Modified.
 */
export const publicCors: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method === 'OPTIONS') {
    return c.body(null, 204, {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, HEAD, OPTIONS',
      'access-control-allow-headers': 'If-None-Match, If-Modified-Since',
      'access-control-max-age': '86400',
    });
  }
  await next();
  c.res.headers.set('access-control-allow-origin', '*');
  c.res.headers.set('access-control-expose-headers', 'ETag, Last-Modified, Content-Disposition');
};

export type Freshness = { releases: number; newest: Date | null };

/** A minute in shared caches: a publication shows within a minute, and revalidation is a 304. */
export const PUBLIC_CACHE = 'public, max-age=60';

const validatorsOf = (f: Freshness) => {
  const newest = f.newest ?? new Date(0);

  return { etag: `W/"r${f.releases}-${newest.getTime()}"`, lastModified: newest.toUTCString() };
};

/**
 * The validators of everything public: the count of releases and the newest one's time change
 * together with any publication, update or withdrawal. Returns a 304 when the client has it.
 */
export const notModified = (c: Context<AppEnv>, f: Freshness): Response | null => {
  const { etag, lastModified } = validatorsOf(f);
  c.header('etag', etag);
  c.header('last-modified', lastModified);
  c.header('cache-control', PUBLIC_CACHE);
  const ifNoneMatch = c.req.header('if-none-match');
  const ifModifiedSince = c.req.header('if-modified-since');
  const matches = ifNoneMatch
    ? ifNoneMatch.split(',').some((t) => t.trim() === etag || t.trim() === '*')
    : ifModifiedSince !== undefined && !Number.isNaN(Date.parse(ifModifiedSince)) && Math.floor((f.newest?.getTime() ?? 0) / 1000) <= Date.parse(ifModifiedSince) / 1000;

  return matches ? c.body(null, 304, { etag, 'last-modified': lastModified, 'cache-control': PUBLIC_CACHE }) : null;
};
