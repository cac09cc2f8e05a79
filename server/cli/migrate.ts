/**
 * `npm run db:migrate`: applies pending migrations and brings reference data up to date, then
 * exits. Exit 0: done. Exit 2: the embedded database is in use by another Jejaring process (a
 * running server migrates by itself at start; stop it to run this). Exit 1: migration failed.
 */
import { openConfiguredDatabase, prepareDatabase } from '../bootstrap.js';
import { systemClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import { DataDirLockedError } from '../platform/db/datadir-lock.js';
import type { Database } from '../platform/db/database.js';
import { createLogger } from '../platform/logger.js';

const run = async (): Promise<number> => {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  let database: Database;
  try {
    database = await openConfiguredDatabase(config);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      process.stderr.write(`${err.message}\n`);

      return 2;
    }
    throw err;
  }
  try {
    const { applied } = await prepareDatabase({ database, config, clock: systemClock, logger });
    process.stdout.write(applied.length ? `Migrations applied: ${applied.join(', ')}\n` : 'The database schema is up to date.\n');

    return 0;
  } finally {
    await database.close();
  }
};

run().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`db:migrate failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
