import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../platform/paths.js';

/** The portal's one stylesheet, read once; its URL carries a content hash so it can be cached for a year. */
const css = fs.readFileSync(path.join(projectRoot, 'server', 'modules', 'portal', 'pages', 'portal.css'), 'utf8');
export const portalCss = { body: css, href: `/portal/site.${createHash('sha256').update(css).digest('hex').slice(0, 10)}.css` };

type ManifestEntry = { file: string; src?: string; isEntry?: boolean; css?: string[] };

const MANIFEST = path.join(projectRoot, 'web', 'portal', 'dist', '.vite', 'manifest.json');
let manifest: Record<string, ManifestEntry> | null | undefined;

/**
 * Script URLs of an entry of the portal's own small Vite build (web/portal, served under
 * /portal/assets/ by the map's route file), found in its manifest. Without a build there is no
 * script and the page stays what it is without JavaScript.
 */
export const portalScripts = (entry: string): string[] => {
  if (manifest === undefined) manifest = fs.existsSync(MANIFEST) ? (JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) as Record<string, ManifestEntry>) : null;
  const found = Object.values(manifest ?? {}).find((e) => e.isEntry && e.src?.endsWith(entry));

  return found ? [`/portal/assets/${found.file}`] : [];
};
