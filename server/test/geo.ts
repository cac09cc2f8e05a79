import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../platform/paths.js';

/**
 * The prepared boundary files live outside the repository in `../shared/geo` (never copied in).
 * From a git worktree nested deeper, the nearest ancestor's `shared/geo` is the same folder.
 * Null when absent, so suites that need it can say why they skip.
 */
// A clean clone elsewhere (CI clones into a temporary folder) finds it at the machines' fixed
// place, /work/shared/geo, or where SHARED_GEO_DIR says.
const hasBoundaries = (dir: string) => fs.existsSync(path.join(dir, 'provinces.geojson'));

export const sharedGeoDir = (() => {
  for (let dir = path.dirname(projectRoot); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'geo');
    if (hasBoundaries(candidate)) return candidate;
    if (path.dirname(dir) === dir) break;
  }

  return [process.env.SHARED_GEO_DIR, '/work/shared/geo'].find((d): d is string => Boolean(d) && hasBoundaries(d!)) ?? null;
})();

export const NO_GEO = 'boundary files not found in ../shared/geo';
