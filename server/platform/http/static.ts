import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { webDistDir } from '../paths.js';
import type { AppEnv } from './context.js';

const require = createRequire(import.meta.url);
const swaggerDir = path.dirname(require.resolve('swagger-ui-dist/package.json'));

/** Base path of the back-office single-page app; the public portal (modules/portal) owns "/". */
export const APP_BASE = '/app/';

const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Jejaring API</title><link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div><script src="/api/docs/swagger-ui-bundle.js"></script><script src="/api/docs/init.js"></script></body></html>`;

const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;

/**
 * Serves the built back-office app (hashed assets cached for a year, index.html never cached, the
 * SPA fallback for client routes) and the API reference page (compression is applied app-wide in app.ts).
 */
export const registerWebApp = (app: OpenAPIHono<AppEnv>) => {
  app.get('/api/docs', (c) => {
    // Swagger UI sets inline styles; scripts stay same-origin only.
    c.header('Content-Security-Policy', "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'");

    return c.html(DOCS_HTML);
  });
  app.get('/api/docs/init.js', (c) => c.body(DOCS_INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.get('/api/docs/:file{swagger-ui\\.css|swagger-ui-bundle\\.js}', async (c) => {
    const file = c.req.param('file');
    const body = await fs.promises.readFile(path.join(swaggerDir, file));

    return c.body(body, 200, {
      'content-type': file.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=86400',
    });
  });

  app.get('/app', (c) => c.redirect(APP_BASE, 301));
  // Without a build (API-only tests) there is nothing to serve; the fallback below says so.
  const built = fs.existsSync(webDistDir);
  if (built) app.use(
    `${APP_BASE}assets/*`,
    serveStatic({
      root: path.relative(process.cwd(), webDistDir),
      rewriteRequestPath: (p) => p.slice(APP_BASE.length - 1),
      onFound: (_p, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  if (built) app.use(
    `${APP_BASE}*`,
    serveStatic({
      root: path.relative(process.cwd(), webDistDir),
      rewriteRequestPath: (p) => p.slice(APP_BASE.length - 1),
      onFound: (_p, c) => {
        c.header('Cache-Control', 'no-cache');
      },
    }),
  );
  // Client-side routes: any other GET under the app path gets the app shell.
  app.get(`${APP_BASE}*`, async (c) => {
    const index = path.join(webDistDir, 'index.html');
    if (!fs.existsSync(index)) return c.text('The web app is not built yet: run `npm run build`.', 503);
    c.header('Cache-Control', 'no-cache');

    return c.html(await fs.promises.readFile(index, 'utf8'));
  });
};
