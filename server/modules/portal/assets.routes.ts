import fs from 'node:fs';
import path from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppEnv } from '../../platform/http/context.js';
import { projectRoot } from '../../platform/paths.js';

export const PORTAL_ASSETS = '/portal/assets/';
export const portalDistDir = path.join(projectRoot, 'web', 'portal', 'dist');

/**
 * The portal's scripts (web/portal, its own Vite build): file names carry a content hash, so they
 * are cached for a year and never revalidated. Only plain file names at the top of the build are
 * served — not the manifest folder, nor anything with a path.
 */
export const registerPortalAssets = (app: OpenAPIHono<AppEnv>) => {
  if (!fs.existsSync(portalDistDir)) return; // API-only runs and tests without a build
  const serve = serveStatic({ root: path.relative(process.cwd(), portalDistDir), rewriteRequestPath: (p) => p.slice(PORTAL_ASSETS.length - 1) });
  app.use(`${PORTAL_ASSETS}*`, async (c, next) => {
    const name = c.req.path.slice(PORTAL_ASSETS.length);
    if (!/^[\w-]+\.(?:js|mjs|css)$/.test(name) || !fs.existsSync(path.join(portalDistDir, name))) return next();
    // Set before the body is made: serveStatic's onFound runs after the response exists.
    c.header('Cache-Control', 'public, max-age=31536000, immutable');

    return serve(c, next);
  });
};
