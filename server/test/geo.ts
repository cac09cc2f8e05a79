import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../platform/paths.js';

/**
 * The prepared boundary files live outside the repository in `../shared/geo` (never copied in).
 * From a git worktree nested deeper, the nearest ancestor's `shared/geo` is the same folder.
 * Null when absent, so suites that need it can say why they skip.
 */
export const sharedGeoDir = (() => {
  for (let dir = path.dirname(projectRoot); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'geo');
    if (fs.existsSync(path.join(candidate, 'provinces.geojson'))) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
})();

export const NO_GEO = 'boundary files not found in ../shared/geo';
