import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { etag } from 'hono/etag';
import { createMiddleware } from 'hono/factory';
import { KINDS, STATES } from '../../../contracts/cooperations.js';
import { isLang, type Lang } from '../../platform/i18n/i18n.js';
import type { AppEnv } from '../../platform/http/context.js';
import { LANG_COOKIE } from '../../platform/http/middleware.js';
import { defineRoute, type Policy } from '../../platform/http/route.js';
import { translator } from './pages.i18n.js';
import { REGION_PAGE_CODE } from './pages.models.js';
import * as uc from './pages.usecases.js';
import { portalCss, portalScripts } from './pages/assets.js';
import { DataPage } from './pages/data.js';
import { DetailPage } from './pages/detail.js';
import { HomePage } from './pages/home.js';
import { MapPage } from './pages/map.js';
import { NotFoundPage } from './pages/not-found.js';
import { RegionPage } from './pages/region.js';
import { StatsPage } from './pages/stats.js';
import type { View } from './pages/view.js';
import { sitemapXml, robotsTxt } from './pages.sitemap.js';

export type PortalPagesDeps = uc.PagesDeps & {
  /** PUBLIC_URL for canonical links and the sitemap; the request's own origin when unset. */
  publicUrl: string | undefined;
  /** The open-data licence named on the data page (OPEN_DATA_LICENSE). */
  licence: { id: string; url: string };
};

const tags = ['Portal pages'];
const policy: Policy = { kind: 'public', reason: 'The public portal: published cooperations only, no personal data' };
const html = { 'text/html': { schema: z.string() } };
const pageResponses = { 200: { description: 'The page (HTML)', content: html }, 404: { description: 'Not published or unknown (HTML)', content: html } };
/** Public pages may change with any publication; a minute of caching spares the server without hiding news for long. */
const cacheable = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (!c.res.headers.has('cache-control')) c.header('Cache-Control', 'public, max-age=60');
  c.header('Vary', 'Accept-Language, Cookie');
});
const middleware = [cacheable, etag()];

// Not strict, unlike the API: links to public pages pick up tracking parameters (utm_*, fbclid)
// that must not turn a page into an error. Unknown filter values are dropped, not refused.
const opt = (max: number) => z.string().max(max).optional();
const LangQuery = z.object({ lang: opt(5) });
const SearchQuery = LangQuery.extend({ q: opt(200), kind: opt(20), urusan: opt(20), region: opt(20), state: opt(40), cursor: opt(200) });

const routes = {
  home: defineRoute({ method: 'get', path: '/', tags, summary: 'Portal: search published cooperations (HTML)', policy, middleware, request: { query: SearchQuery }, responses: pageResponses }),
  detail: defineRoute({
    method: 'get', path: '/kerja-sama/{id}', tags, summary: 'Portal: one published cooperation (HTML)', policy, middleware,
    request: { params: z.object({ id: z.string().max(64) }), query: LangQuery }, responses: pageResponses,
  }),
  region: defineRoute({
    method: 'get', path: '/wilayah/{code}', tags, summary: 'Portal: what a region cooperates on and with whom (HTML)', policy, middleware,
    request: { params: z.object({ code: z.string().max(20) }), query: LangQuery }, responses: pageResponses,
  }),
  stats: defineRoute({ method: 'get', path: '/statistik', tags, summary: 'Portal: statistics (HTML)', policy, middleware, request: { query: LangQuery }, responses: pageResponses }),
  data: defineRoute({ method: 'get', path: '/data', tags, summary: 'Portal: open-data downloads and API (HTML)', policy, middleware, request: { query: LangQuery }, responses: pageResponses }),
  map: defineRoute({ method: 'get', path: '/peta', tags, summary: 'Portal: the cooperation network, as a table the map enhances (HTML)', policy, middleware, request: { query: LangQuery }, responses: pageResponses }),
  sitemap: defineRoute({
    method: 'get', path: '/sitemap.xml', tags, summary: 'Sitemap of every public page', policy, middleware,
    responses: { 200: { description: 'Sitemap', content: { 'application/xml': { schema: z.string() } } } },
  }),
  robots: defineRoute({
    method: 'get', path: '/robots.txt', tags, summary: 'Crawler rules', policy,
    responses: { 200: { description: 'robots.txt', content: { 'text/plain': { schema: z.string() } } } },
  }),
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The language of a page: `?lang=` wins and is remembered in the same cookie the back office
 * uses; otherwise the cookie or Accept-Language (request context). A response that sets the
 * cookie is private, so no shared cache hands it to someone else.
 */
const langOf = (c: Context<AppEnv>, asked: string | undefined): Lang => {
  if (!isLang(asked)) return c.get('lang');
  if (getCookie(c, LANG_COOKIE) !== asked) {
    setCookie(c, LANG_COOKIE, asked, { path: '/', sameSite: 'Lax', maxAge: 365 * 86_400, secure: c.get('secure') });
    c.header('Cache-Control', 'private, max-age=0');
  }

  return asked;
};

const originOf = (c: Context<AppEnv>, deps: PortalPagesDeps) => (deps.publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, '');

type Names = { regionNames?: Record<string, string> };

const viewFor = async (c: Context<AppEnv>, deps: PortalPagesDeps, lang: Lang, path: string, query: Record<string, string | undefined>, names: Names = {}): Promise<View> => {
  const urusan = await uc.urusanNames(deps);

  return {
    t: translator(lang),
    lang,
    path,
    query,
    origin: originOf(c, deps),
    cssHref: portalCss.href,
    regionName: (code) => names.regionNames?.[code] ?? code,
    urusanName: uc.urusanLabel(urusan, lang),
  };
};

type Drawn = { element: unknown; status?: 200 | 404 };

/**
 * Renders a page once per language, address and state of the published data: the HTML is kept
 * in the versioned cache, so a repeated page costs the one release-log probe, not its queries
 * and rendering. (`lang` is left out of the key's address: the language is part of it already.)
 */
const respond = async (c: Context<AppEnv>, deps: PortalPagesDeps, draw: (lang: Lang) => Promise<Drawn>) => {
  const lang = langOf(c, c.req.query('lang'));
  const url = new URL(c.req.url);
  url.searchParams.delete('lang');
  const { status, html } = await uc.cachedPage(deps, `${lang} ${originOf(c, deps)}${url.pathname}${url.search}`, async () => {
    const { element, status = 200 } = await draw(lang);

    return { status, html: `<!DOCTYPE html>${String(await (element as Promise<string> | string))}` };
  });

  return c.html(html, status);
};

/** Keeps filter values the vocabulary knows; anything else is dropped rather than refused. */
const cleanFilters = (q: z.infer<typeof SearchQuery>) => ({
  q: q.q?.trim() || undefined,
  kind: (KINDS as readonly string[]).includes(q.kind ?? '') ? q.kind : undefined,
  urusan: /^[\w.-]{1,20}$/.test(q.urusan ?? '') ? q.urusan : undefined,
  region: /^\d{2}(\.\d{2}){0,3}$/.test(q.region ?? '') ? q.region : undefined,
  state: uc.STATE_FILTER && (STATES as readonly string[]).includes(q.state ?? '') ? q.state : undefined,
});

/**
 * The server-rendered public portal (ADR 0029): HTML from hono/jsx, no client framework, works
 * without JavaScript. Registered before the back office's fallback; /api, /app and /healthz are untouched.
 */
export const registerPortalPages = (app: OpenAPIHono<AppEnv>, deps: PortalPagesDeps) => {
  app.get('/portal/:file{site\\.[0-9a-f]{10}\\.css}', (c) => {
    if (`/portal/${c.req.param('file')}` !== portalCss.href) return c.notFound();

    return c.body(portalCss.body, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable' });
  });

  app.openapi(routes.home, (c) =>
    respond(c, deps, async (lang) => {
      const filters = cleanFilters(c.req.valid('query'));
      const cursor = c.req.valid('query').cursor || undefined;
      const { list, figures } = await uc.searchPage(deps, { ...filters, cursor });
      const view = await viewFor(c, deps, lang, '/', { ...filters, cursor }, figures);

      return { element: HomePage({ view, filters, list, figures, stateFilter: uc.STATE_FILTER }) };
    }),
  );

  app.openapi(routes.detail, (c) =>
    respond(c, deps, async (lang) => {
      const { id } = c.req.valid('param');
      const found = UUID.test(id) ? await uc.detailPage(deps, id) : null;
      const view = await viewFor(c, deps, lang, `/kerja-sama/${id}`, {});
      if (!found) return { element: NotFoundPage({ view }), status: 404 };

      return { element: DetailPage({ view, c: found.cooperation, release: found.release }) };
    }),
  );

  app.openapi(routes.region, (c) =>
    respond(c, deps, async (lang) => {
      const { code } = c.req.valid('param');
      const found = REGION_PAGE_CODE.test(code) ? await uc.regionPage(deps, code) : null;
      const view = await viewFor(c, deps, lang, `/wilayah/${code}`, {}, found ?? {});
      if (!found) return { element: NotFoundPage({ view }), status: 404 };

      return { element: RegionPage({ view, code, name: found.summary.name ?? code, summary: found.summary, subregions: found.subregions }) };
    }),
  );

  app.openapi(routes.stats, (c) =>
    respond(c, deps, async (lang) => {
      const figures = await uc.figures(deps);

      return { element: StatsPage({ view: await viewFor(c, deps, lang, '/statistik', {}, figures), stats: figures.stats, stateFilter: uc.STATE_FILTER }) };
    }),
  );

  app.openapi(routes.data, (c) =>
    respond(c, deps, async (lang) => {
      const figures = await uc.figures(deps);

      return { element: DataPage({ view: await viewFor(c, deps, lang, '/data', {}), stats: figures.stats, licence: deps.licence }) };
    }),
  );

  app.openapi(routes.map, (c) =>
    respond(c, deps, async (lang) => {
      const network = await uc.networkPage(deps);

      return { element: MapPage({ view: await viewFor(c, deps, lang, '/peta', {}, network), links: network.links, scripts: portalScripts('network.ts') }) };
    }),
  );

  app.openapi(routes.sitemap, async (c) =>
    c.body(sitemapXml(originOf(c, deps), await uc.sitemapPage(deps)), 200, { 'content-type': 'application/xml; charset=utf-8' }),
  );

  app.openapi(routes.robots, (c) =>
    c.text(robotsTxt(originOf(c, deps)), 200, { 'cache-control': 'public, max-age=86400' }),
  );
};
