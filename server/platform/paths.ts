import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root, found by walking up to package.json. Works the same from the TypeScript
 * sources (tsx) and from the compiled dist/ tree; nothing is bundled, so this stays true.
 */
const findRoot = (): string => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'server'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
};

export const projectRoot = findRoot();
export const migrationsDir = path.join(projectRoot, 'server', 'migrations');
export const webDistDir = path.join(projectRoot, 'web', 'dist');
