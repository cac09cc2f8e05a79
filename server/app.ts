import { OpenAPIHono } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import type { AdjustableClock, Clock } from './platform/clock.js';
import type { Database } from './platform/db/database.js';
import type { Config } from './platform/config.js';
import type { AppEnv } from './platform/http/context.js';
import { commonErrors } from './platform/http/errors.js';
import { requestContext, securityHeaders, validationHook } from './platform/http/middleware.js';
import { handleError, problemResponse } from './platform/http/problem.js';
import type { Logger } from './platform/logger.js';
import { registerWebApp } from './platform/http/static.js';
import { authenticate, registerAuthRoutes, registerInvitationRoutes, registerUserAdminRoutes } from './modules/identity/index.js';
import { createBoundaryStore, registerBoundaryRoutes, registerReferenceRoutes } from './modules/reference/index.js';
import { registerOrganizationRoutes } from './modules/organizations/index.js';
import { registerFileRoutes } from './modules/files/index.js';
import { registerAuditRoutes } from './modules/audit/index.js';
import { registerInboxRoutes, registerNotificationRoutes } from './modules/notifications/index.js';
import { registerCooperationRoutes, registerRulePackRoutes } from './modules/cooperations/index.js';
import { registerDocumentRoutes } from './modules/cooperations/index.js';
import { registerImportRoutes } from './modules/cooperations/index.js';
import { registerWorkPlanRoutes } from './modules/monev/index.js';
import { registerEvaluationRoutes, registerRubricRoutes } from './modules/monev/index.js';
import { registerIndicatorRoutes } from './modules/monev/index.js';
import { registerDormancyRoutes } from './modules/monev/index.js';
import { registerReportRoutes } from './modules/reports/index.js';
import { registerUpdateRoutes } from './modules/monev/index.js';
import { createDashboardCache, registerDashboardRoutes } from './modules/reports/index.js';
import { registerMeetingRoutes } from './modules/meetings/index.js';
import { createOverviewCache, registerLiaisonRoutes, registerMappingCycleRoutes, registerPotentialRoutes, registerTkksdRoutes } from './modules/mapping/index.js';
import { registerNetworkRoutes, registerPortalAssets, registerPortalPages, registerPortalPublicRoutes, registerPortalRoutes } from './modules/portal/index.js';
import { registerJobRoutes } from './platform/jobs/index.js';
import { createVersionedCache } from './platform/db/versioned-cache.js';
import { createLocalFileStore, filesDirOf } from './platform/files/local-file-store.js';

export type AppDeps = {
  config: Config;
  database: Database;
  clock: Clock;
  logger: Logger;
  /** Set while shutting down: new requests get 503 while in-flight ones finish. */
  isDraining?: () => boolean;
  /** Only with TEST_CLOCK_CONTROL (end-to-end tests): the clock POST /api/test/clock advances. */
  clockControl?: AdjustableClock;
};

const JSON_BODY_LIMIT = 1024 * 1024;

/** Where links in e-mails point: PUBLIC_URL, or this server on localhost. */
export const publicUrlOf = (config: Config) => config.publicUrl ?? `http://localhost:${config.port}`;

/** Builds the whole HTTP application: middlewares, every module's routes, the docs and the web app. */
export const createApp = (deps: AppDeps) => {
  const { config, database, clock, logger } = deps;
  const db = database.db;
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use('*', requestContext(logger, config.trustProxy));
  app.use('*', securityHeaders());
  app.use('*', compress());
  app.use('*', async (c, next) => {
    if (deps.isDraining?.()) {
      c.header('connection', 'close');
      throw commonErrors.unavailable();
    }
    await next();
  });
  app.use('/api/*', async (c, next) => {
    // Uploads have their own, larger limit on their route.
    if (c.req.path.startsWith('/api/files') && c.req.method === 'POST') return next();

    return bodyLimit({ maxSize: JSON_BODY_LIMIT, onError: () => { throw commonErrors.tooLarge({ limit: '1 MB' }); } })(c, next);
  });
  const sessionDeps = { db, clock, session: { ttlHours: config.sessionTtlHours, idleMinutes: config.sessionIdleMinutes }, publicUrl: config.publicUrl };
  app.use('/api/*', authenticate(sessionDeps));

  // The server listens only after migrations are applied; this also proves the database answers.
  app.get('/healthz', async (c) => {
    try {
      await db.execute(sql`SELECT 1`);

      return c.json({ status: 'ok' });
    } catch (err) {
      c.get('logger').error({ err }, 'health check: database unreachable');

      return c.json({ status: 'unavailable' }, 503);
    }
  });

  registerAuthRoutes(app, { ...sessionDeps, totpIssuer: config.totpIssuer });
  registerUserAdminRoutes(app, { db, clock });
  registerInvitationRoutes(app, { db, clock });
  registerReferenceRoutes(app, { db, clock });
  registerOrganizationRoutes(app, { db, clock });
  registerFileRoutes(app, { db, clock, files: createLocalFileStore(filesDirOf(config.dataDir)), maxUploadBytes: config.maxUploadBytes });
  registerAuditRoutes(app, { db });
  registerNotificationRoutes(app, { db });
  registerInboxRoutes(app, { db, clock });
  registerCooperationRoutes(app, { db, clock, publicUrl: publicUrlOf(config) });
  registerImportRoutes(app, { db, clock, files: createLocalFileStore(filesDirOf(config.dataDir)) });
  registerDocumentRoutes(app, { db, clock, files: createLocalFileStore(filesDirOf(config.dataDir)) });
  registerRulePackRoutes(app, { db, clock });
  registerWorkPlanRoutes(app, { db, clock });
  registerEvaluationRoutes(app, { db, clock });
  registerRubricRoutes(app, { db, clock });
  registerIndicatorRoutes(app, { db, clock });
  registerDormancyRoutes(app, { db, clock });
  registerReportRoutes(app, { db, clock, files: createLocalFileStore(filesDirOf(config.dataDir)), publicUrl: publicUrlOf(config) });
  registerUpdateRoutes(app, { db, clock, publicUrl: publicUrlOf(config) });
  registerDashboardRoutes(app, { db, clock, cache: createDashboardCache({ seconds: config.dashboardCacheSeconds, clock }) });
  registerTkksdRoutes(app, { db, clock });
  registerLiaisonRoutes(app, { db, clock });
  registerMeetingRoutes(app, { db, clock, publicUrl: publicUrlOf(config), mailFrom: config.mailFrom });
  registerMappingCycleRoutes(app, { db, clock, publicUrl: publicUrlOf(config) });
  registerPotentialRoutes(app, { db, clock, overviewCache: createOverviewCache({ seconds: config.dashboardCacheSeconds, clock }) });
  registerPortalRoutes(app, { db, clock, settings: { ocidPrefix: config.openData.ocidPrefix } });
  registerPortalPublicRoutes(app, {
    db,
    files: createLocalFileStore(filesDirOf(config.dataDir)),
    openData: { publicUrl: publicUrlOf(config), publisher: config.openData.publisher, licence: config.openData.licence, regionDecree: config.regionSourceDecree },
  });
  // After the public routes: their CORS middleware for /api/public/* then covers these too.
  // One store per app: the boundary files are read once, on the first request that needs them.
  const boundaries = createBoundaryStore({ dir: config.geoDataDir, attribution: config.geoAttribution });
  registerBoundaryRoutes(app, { boundaries });
  registerNetworkRoutes(app, { db, boundaries });
  registerPortalAssets(app);
  registerJobRoutes(app, { db });

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'jj_session' });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Jejaring API',
      version: '0.1.0',
      description: 'Kerja Sama Daerah platform. Errors are RFC 9457 problem+json with a stable code. Writes with the session cookie need the X-CSRF-Token header.',
    },
  });

  if (deps.clockControl) {
    // Not in the OpenAPI document and absent unless the test-only setting is on (refused in production).
    const control = deps.clockControl;
    app.post('/api/test/clock', async (c) => {
      const body = (await c.req.json().catch(() => ({}))) as { advanceDays?: unknown };
      const days = Number(body.advanceDays);
      if (!Number.isInteger(days) || days < 0 || days > 3650) throw commonErrors.validation();
      control.advance(days * 86_400_000);

      return c.json({ now: control.now().toISOString() });
    });
  }

  // The public portal owns "/" (ADR 0029); it comes before the back office's fallback.
  registerPortalPages(app, {
    db,
    cache: createVersionedCache({ seconds: config.dashboardCacheSeconds, clock }),
    publicUrl: config.publicUrl,
    licence: config.openData.licence,
  });
  registerWebApp(app);

  app.notFound((c) => problemResponse(c, commonErrors.routeNotFound()));
  app.onError(handleError);

  return app;
};

export type App = ReturnType<typeof createApp>;
