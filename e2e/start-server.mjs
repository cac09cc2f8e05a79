// Starts the built server for the end-to-end suite on a throw-away PGlite data directory with
// the demo data, and removes the directory when Playwright stops it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const port = process.argv[2] ?? '3917';
// `--clock`: a server whose clock the expiry journey may move forward (its own server, so moving
// time cannot end the sessions of the other journeys).
const clockControl = process.argv.includes('--clock');
// The portal map draws the prepared boundaries (../shared/geo, beside the repository and never
// copied into it; found from a nested worktree too). The clock server runs without them, so the
// map's fallback is exercised against a server that has no GEO_DATA_DIR.
const sharedGeo = () => {
  for (let dir = path.resolve('..'); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'geo');
    if (fs.existsSync(path.join(candidate, 'provinces.geojson'))) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  // A clean clone elsewhere (CI clones into a temporary folder): the machines' fixed place.
  return [process.env.SHARED_GEO_DIR, '/work/shared/geo'].find((d) => d && fs.existsSync(path.join(d, 'provinces.geojson'))) ?? '';
};
const geoDataDir = clockControl ? '' : (process.env.GEO_DATA_DIR ?? sharedGeo());
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-e2e-'));
const child = spawn(process.execPath, ['dist/server/main.js'], {
  stdio: 'inherit',
  env: { ...process.env, DATA_DIR: dataDir, PORT: port, HOST: '127.0.0.1', SEED_DEMO: 'true', LOG_LEVEL: 'warn', DATABASE_URL: '', GEO_DATA_DIR: geoDataDir, ...(clockControl ? { TEST_CLOCK_CONTROL: 'true', WORKER_POLL_MS: '200' } : {}) },
});
const stop = () => child.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
