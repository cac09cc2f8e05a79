/**
 * `npm run db:reset [-- --yes]`: deletes every record and stored file, migrates, and loads the
 * fictional demo data — a fresh demo installation.
 * - Embedded database (PGlite): takes the data directory lock, then deletes DATA_DIR/pgdata and
 *   DATA_DIR/files. While a server runs on that directory it refuses (exit 2).
 * - PostgreSQL (DATABASE_URL): drops and recreates the public schema. Stored files are left alone.
 * With NODE_ENV=production it refuses unless --yes is given (exit 1).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openConfiguredDatabase, prepareDatabase } from '../bootstrap.js';
import { describeSeedSummary, seedDemoData } from '../demo/index.js';
import { systemClock } from '../platform/clock.js';
import { loadConfig, type Config } from '../platform/config.js';
import { acquireDataDirLock, DataDirLockedError, type DataDirLock } from '../platform/db/datadir-lock.js';
import { openDatabase, type Database } from '../platform/db/database.js';
import { filesDirOf } from '../platform/files/local-file-store.js';

/**
 * Empties the configured database and returns it open. On PGlite the lock is held from before the
 * deletion until the caller releases it, so no other process can open the directory half-wiped.
 */
const wipe = async (config: Config): Promise<{ database: Database; lock: DataDirLock | undefined }> => {
  if (config.databaseUrl) {
    const database = await openConfiguredDatabase(config);
    // PostgreSQL 15's default for a new public schema: everyone may use it, only the owner creates.
    await database.execScript('DROP SCHEMA public CASCADE; CREATE SCHEMA public; GRANT USAGE ON SCHEMA public TO PUBLIC;');

    return { database, lock: undefined };
  }
  const lock = acquireDataDirLock(config.dataDir);
  try {
    fs.rmSync(path.join(config.dataDir, 'pgdata'), { recursive: true, force: true });
    fs.rmSync(filesDirOf(config.dataDir), { recursive: true, force: true });

    return { database: await openDatabase({ kind: 'pglite', dataDir: config.dataDir, lock: false }), lock };
  } catch (err) {
    lock.release();
    throw err;
  }
};

const run = async (): Promise<number> => {
  const { values } = parseArgs({ options: { yes: { type: 'boolean', default: false } }, strict: true });
  if (process.env.NODE_ENV === 'production' && !values.yes) {
    process.stderr.write('Refusing to reset: NODE_ENV is production and this deletes every record. Run again with --yes if you really mean it.\n');

    return 1;
  }
  const config = loadConfig();
  let opened: Awaited<ReturnType<typeof wipe>>;
  try {
    opened = await wipe(config);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      process.stderr.write(`${err.message}\n`);

      return 2;
    }
    throw err;
  }
  const { database, lock } = opened;
  try {
    process.stdout.write(`Database emptied (${database.kind === 'pglite' ? `PGlite ${config.dataDir}` : 'PostgreSQL'}).\n`);
    await prepareDatabase({ database, config, clock: systemClock });
    const summary = await seedDemoData({ db: database.db, clock: systemClock, config });
    process.stdout.write(describeSeedSummary(summary, config));

    return 0;
  } finally {
    await database.close();
    lock?.release();
  }
};

run().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`db:reset failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
