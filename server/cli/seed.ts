/**
 * `npm run db:seed`: migrates, then loads the fictional demo data (pemda, units, partners, one
 * account per role) into an empty installation. On one that already has organisations it changes
 * nothing. Exit 0: seeded or nothing to do. Exit 2: the embedded database is in use by another
 * Jejaring process (stop the server first). Exit 1: seeding failed.
 */
import { openConfiguredDatabase, prepareDatabase } from '../bootstrap.js';
import { describeSeedSummary, seedDemoData } from '../demo/index.js';
import { systemClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import { DataDirLockedError } from '../platform/db/datadir-lock.js';
import type { Database } from '../platform/db/database.js';

const run = async (): Promise<number> => {
  const config = loadConfig();
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
    await prepareDatabase({ database, config, clock: systemClock });
    const summary = await seedDemoData({ db: database.db, clock: systemClock, config });
    process.stdout.write(describeSeedSummary(summary, config));

    return 0;
  } finally {
    await database.close();
  }
};

run().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`db:seed failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
